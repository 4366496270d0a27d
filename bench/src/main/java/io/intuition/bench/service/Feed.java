package io.intuition.bench.service;

import io.intuition.launcher.process.JavaService;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A feed-service process publishing synthetic quotes to {@code quotes} at a fixed rate. */
public final class Feed {
  /** Its symbols: four, as the bench's own quotes. */
  static final String SYMBOLS = "GOOG,AAPL,MSFT,AMZN";

  private Feed() {}

  /**
   * Starts the feed-service of {@code root}: {@code count} quotes at {@code rate} per second to
   * {@code broker} (QoS 1, a seeded random walk), then it exits.
   *
   * @throws IllegalStateException if the jar is missing
   */
  public static ServiceProcess start(
      Path root, String broker, double rate, long count, List<String> jvmFlags, Path logs)
      throws IOException {
    return JavaService.start(
        "feed-service",
        root.resolve("feed-service/target/feed-service.jar"),
        jvmFlags,
        List.of(
            "--mqtt",
            broker,
            "--rate",
            Double.toString(rate),
            "--count",
            Long.toString(count),
            "--symbols",
            SYMBOLS,
            "--seed",
            "1",
            "--client-id",
            "bench-feed"),
        logs);
  }
}
