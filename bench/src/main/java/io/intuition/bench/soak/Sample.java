package io.intuition.bench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one process held at one moment of a soak, read from Linux's {@code /proc}.
 *
 * @param seconds when, from the start of the soak
 * @param rssBytes its resident set ({@code VmRSS} of {@code /proc/<pid>/status})
 * @param fds its open file descriptors (the entries of {@code /proc/<pid>/fd})
 * @param threads its threads ({@code Threads} of {@code /proc/<pid>/status})
 */
public record Sample(double seconds, long rssBytes, int fds, int threads) {
  private static final String RSS = "VmRSS:";
  private static final String THREADS = "Threads:";

  /** Checks the counts. */
  public Sample {
    if (rssBytes < 0 || fds < 0 || threads < 0) {
      throw new IllegalArgumentException(
          "rssBytes, fds and threads must not be negative, but were "
              + rssBytes
              + ", "
              + fds
              + ", "
              + threads);
    }
  }

  /** Process {@code pid} now, or empty when it is gone (or a zombie, which has no memory). */
  static Optional<Sample> read(long pid, double seconds) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      String status = Files.readString(proc.resolve("status"));
      return parse(seconds, status, (int) fds.count());
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty(); // it exited between two reads, or before the first
    }
  }

  /**
   * The sample a {@code /proc/<pid>/status} text gives, with {@code fds} counted apart; empty when
   * the text has no {@code VmRSS} or {@code Threads} line.
   */
  static Optional<Sample> parse(double seconds, String status, int fds) {
    Long rssKb = null;
    Integer threads = null;
    for (String line : status.split("\n")) {
      if (line.startsWith(RSS)) {
        rssKb = Long.parseLong(line.substring(RSS.length()).replace("kB", "").trim());
      } else if (line.startsWith(THREADS)) {
        threads = Integer.parseInt(line.substring(THREADS.length()).trim());
      }
    }
    if (rssKb == null || threads == null) {
      return Optional.empty();
    }
    return Optional.of(new Sample(seconds, rssKb * 1024, fds, threads));
  }
}
