package io.intuition.console.services;

import io.intuition.common.discovery.Announcement;
import java.util.List;

/**
 * A service as the page shows it: its announcement's fields, absent ones null.
 *
 * @param kind what it is, such as {@code algo}
 * @param name its name within its kind
 * @param state {@code online} or {@code offline}
 * @param version its build's version
 * @param rpc where an algo answers calls
 * @param http its operations endpoint
 * @param algo the algorithm of an algo
 * @param sizer the sizer of an algo
 * @param channels the topics it reads or writes
 * @param started when it started, ISO-8601
 * @param seq its start's sequence number
 */
public record ServiceView(
    String kind,
    String name,
    String state,
    String version,
    String rpc,
    String http,
    String algo,
    String sizer,
    List<String> channels,
    String started,
    long seq) {

  /** Copies the channels. */
  public ServiceView {
    channels = List.copyOf(channels);
  }

  /** The view of {@code said}. */
  public static ServiceView of(Announcement said) {
    return new ServiceView(
        said.kind(),
        said.name(),
        said.state(),
        said.version(),
        said.rpc(),
        said.http(),
        said.algo(),
        said.sizer(),
        said.channels(),
        said.started(),
        said.seq());
  }

  /** Whether it is alive. */
  public boolean online() {
    return Announcement.ONLINE.equals(state);
  }
}
