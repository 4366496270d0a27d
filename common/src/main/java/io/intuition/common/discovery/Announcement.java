package io.intuition.common.discovery;

import java.util.List;
import java.util.Objects;

/**
 * What a service says of itself on {@code services/<kind>/<name>}, retained: a birth while it runs
 * ({@link #ONLINE}), a death once it stopped or its connection died ({@link #OFFLINE}, from its
 * last will). {@code seq} grows with every start of the service, so a death with a smaller {@code
 * seq} than a birth seen before it is stale: an older process of the same name.
 *
 * @param name the service's name, unique within its kind
 * @param kind what it is: {@code algo}, {@code bridge}, {@code feed}, {@code indicator}
 * @param state {@link #ONLINE} or {@link #OFFLINE}
 * @param version the build's version, or null (deaths carry none)
 * @param rpc where an algo answers calls, such as {@code tcp://host:4242}, or null
 * @param algo the algorithm an algo runs, or null
 * @param sizer the sizer an algo runs, or null
 * @param channels the topics the service reads or writes, or an empty list
 * @param started when the process started, ISO-8601, or null
 * @param seq this start's sequence number
 * @param http where the service answers {@code GET /metrics} and {@code /health}, such as {@code
 *     http://host:8080}, or null when its endpoint is off
 */
public record Announcement(
    String name,
    String kind,
    String state,
    String version,
    String rpc,
    String algo,
    String sizer,
    List<String> channels,
    String started,
    long seq,
    String http) {
  public static final String ONLINE = "online";
  public static final String OFFLINE = "offline";

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the name or kind cannot be a topic level, or the state is
   *     neither online nor offline
   */
  public Announcement {
    Topics.requireLevel("name", name);
    Topics.requireLevel("kind", kind);
    if (!ONLINE.equals(state) && !OFFLINE.equals(state)) {
      throw new IllegalArgumentException(
          "state must be " + ONLINE + " or " + OFFLINE + ", but was " + state);
    }
    channels = channels == null ? List.of() : List.copyOf(channels);
  }

  /** An announcement without an operations endpoint ({@code http} null). */
  public Announcement(
      String name,
      String kind,
      String state,
      String version,
      String rpc,
      String algo,
      String sizer,
      List<String> channels,
      String started,
      long seq) {
    this(name, kind, state, version, rpc, algo, sizer, channels, started, seq, null);
  }

  /** This announcement, saying its operations endpoint is at {@code http} (or null: none). */
  public Announcement withHttp(String http) {
    return new Announcement(
        name, kind, state, version, rpc, algo, sizer, channels, started, seq, http);
  }

  /** A death: what the last will says, and what a clean stop publishes. */
  public static Announcement offline(String name, String kind, long seq) {
    return new Announcement(name, kind, OFFLINE, null, null, null, null, List.of(), null, seq);
  }

  /** Whether the service was alive when it said this. */
  public boolean isOnline() {
    return ONLINE.equals(state);
  }

  /** The death that replaces this birth. */
  public Announcement toOffline() {
    return offline(name, kind, seq);
  }

  /** The retained topic of this service: {@code services/<kind>/<name>}. */
  public String topic() {
    return Topics.of(kind, name);
  }

  /**
   * Whether this, arriving after {@code other} (or null) on the same topic, replaces it: unless it
   * is stale, of an older start. Of one start, the later message wins, since the broker keeps a
   * topic's messages in order: a death after a birth is the stop, and a birth after a death is the
   * same start announcing again after a reconnect, once the broker published its will.
   */
  public boolean supersedes(Announcement other) {
    return other == null || seq >= other.seq;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Announcement a
        && name.equals(a.name)
        && kind.equals(a.kind)
        && state.equals(a.state)
        && Objects.equals(version, a.version)
        && Objects.equals(rpc, a.rpc)
        && Objects.equals(algo, a.algo)
        && Objects.equals(sizer, a.sizer)
        && channels.equals(a.channels)
        && Objects.equals(started, a.started)
        && seq == a.seq
        && Objects.equals(http, a.http);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, state, rpc, seq);
  }
}
