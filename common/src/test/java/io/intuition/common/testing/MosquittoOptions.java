package io.intuition.common.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link MosquittoBroker#start(MosquittoOptions)} runs a broker: which binary, and the settings
 * tests vary. {@link #defaults()} is what {@link MosquittoBroker#start()} uses.
 *
 * @param binary the {@code mosquitto} binary; empty for the system's, found on PATH or in the sbin
 *     folders
 * @param maxInflightMessages {@code max_inflight_messages}: QoS 1 and 2 messages sent to one client
 *     and not yet acknowledged, at most; 0 for no limit
 * @param persistence whether the broker keeps sessions and queued messages across restarts
 * @param extraConfig lines appended to the configuration, after its one listener, so that listener
 *     options apply to it
 */
public record MosquittoOptions(
    Optional<Path> binary, int maxInflightMessages, boolean persistence, List<String> extraConfig) {
  /** Mosquitto's own default, kept by the test broker. */
  static final int DEFAULT_MAX_INFLIGHT_MESSAGES = 20;

  private static final int MAX_INFLIGHT_LIMIT = 65_535;

  /**
   * Validates and copies the options.
   *
   * @throws IllegalArgumentException if {@code maxInflightMessages} is outside 0 to 65535 or a
   *     config line contains a line break
   */
  public MosquittoOptions {
    Objects.requireNonNull(binary, "binary");
    if (maxInflightMessages < 0 || maxInflightMessages > MAX_INFLIGHT_LIMIT) {
      throw new IllegalArgumentException(
          "maxInflightMessages must be between 0 and 65535, but was " + maxInflightMessages);
    }
    extraConfig = List.copyOf(extraConfig);
    for (String line : extraConfig) {
      if (line.contains("\n") || line.contains("\r")) {
        throw new IllegalArgumentException(
            "extraConfig line must not contain a line break, but was \"" + line + "\"");
      }
    }
  }

  /** The system binary, 20 messages in flight, persistence on, nothing extra. */
  public static MosquittoOptions defaults() {
    return new MosquittoOptions(Optional.empty(), DEFAULT_MAX_INFLIGHT_MESSAGES, true, List.of());
  }

  /** These options with {@code binary} instead, such as {@link MosquittoBroker#fixedBinary()}. */
  public MosquittoOptions withBinary(Path binary) {
    return new MosquittoOptions(Optional.of(binary), maxInflightMessages, persistence, extraConfig);
  }

  /** These options with {@code max_inflight_messages} set to {@code count} (0: no limit). */
  public MosquittoOptions withMaxInflightMessages(int count) {
    return new MosquittoOptions(binary, count, persistence, extraConfig);
  }

  /** These options with persistence on or off. */
  public MosquittoOptions withPersistence(boolean persistence) {
    return new MosquittoOptions(binary, maxInflightMessages, persistence, extraConfig);
  }

  /** These options with {@code lines} as the extra configuration, replacing any before. */
  public MosquittoOptions withExtraConfig(List<String> lines) {
    return new MosquittoOptions(binary, maxInflightMessages, persistence, lines);
  }
}
