package io.intuition.bench.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto binary and the version it reports.
 *
 * @param path the executable
 * @param version what its {@code -h} names, such as {@code "2.0.21"}
 */
public record MosquittoBinary(Path path, String version) {
  private static final long HELP_TIMEOUT_S = 10;

  /** Checks both are given. */
  public MosquittoBinary {
    if (path == null || version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "a mosquitto binary needs a path and a version, but was " + path + " " + version);
    }
  }

  /** The binary at {@code path} with its version, or empty if it does not run or names none. */
  public static Optional<MosquittoBinary> of(Path path) {
    if (!Files.isExecutable(path)) {
      return Optional.empty();
    }
    return MosquittoVersion.parseHelp(help(path))
        .map(version -> new MosquittoBinary(path, version));
  }

  /** Whether it is free of 2.0.11's inflight-quota bug. */
  public boolean fixed() {
    return MosquittoVersion.isFixed(version);
  }

  /** {@code mosquitto 2.0.21}. */
  public String label() {
    return "mosquitto " + version;
  }

  /** What {@code mosquitto -h} prints; it exits with 3, so its exit code says nothing. */
  private static String help(Path binary) {
    try {
      Path output = Files.createTempFile("mosquitto-help-", ".txt");
      try {
        Process process =
            new ProcessBuilder(binary.toString(), "-h")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(HELP_TIMEOUT_S, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return "";
        }
        return Files.readString(output, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return ""; // it does not run here, such as a binary for another machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
