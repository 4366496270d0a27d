package io.intuition.launcher.broker;

import io.intuition.common.mosquitto.MosquittoVersion;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Mosquitto binary and the version it reports.
 *
 * @param path the executable
 * @param version what its {@code -h} names, such as {@code "2.0.21"}
 */
public record MosquittoBinary(Path path, String version) {
  /** Checks both are given. */
  public MosquittoBinary {
    if (path == null || version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "a mosquitto binary needs a path and a version, but was " + path + " " + version);
    }
  }

  /** The binary at {@code path} with its version, or empty if it does not run or names none. */
  public static Optional<MosquittoBinary> of(Path path) {
    return MosquittoVersion.of(path).map(version -> new MosquittoBinary(path, version));
  }

  /** Whether it is free of 2.0.11's inflight-quota bug. */
  public boolean fixed() {
    return MosquittoVersion.isFixed(version);
  }

  /** {@code mosquitto 2.0.21}. */
  public String label() {
    return "mosquitto " + version;
  }
}
