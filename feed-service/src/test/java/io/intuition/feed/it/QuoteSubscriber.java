package io.intuition.feed.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.testing.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real {@code mosquitto_sub} process that takes a fixed number of messages from one topic at QoS
 * 1, then exits. Its output is line-buffered with {@code stdbuf} so that the subscription shows as
 * soon as the broker acknowledges it.
 */
final class QuoteSubscriber implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMEOUT_S = 30;

  private final ManagedProcess process;

  private QuoteSubscriber(ManagedProcess process) {
    this.process = process;
  }

  /** Subscribes to {@code topic} for {@code count} messages and waits for the SUBACK. */
  static QuoteSubscriber start(int port, String topic, int count) {
    List<String> command =
        List.of(
            "stdbuf",
            "-oL",
            "mosquitto_sub",
            "-d",
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(port),
            "-t",
            topic,
            "-q",
            "1",
            "-C",
            String.valueOf(count),
            "-W",
            String.valueOf(TIMEOUT_S));
    ManagedProcess process = ManagedProcess.start("mosquitto_sub", Path.of("."), command);
    process.awaitOutput("received SUBACK", Duration.ofSeconds(10));
    return new QuoteSubscriber(process);
  }

  /**
   * Waits for the subscriber to take all its messages, and returns them as JSON objects.
   *
   * @throws AssertionError if it timed out or failed, with its output
   */
  List<Map<String, Object>> messages() {
    await("mosquitto_sub to take its messages")
        .atMost(Duration.ofSeconds(TIMEOUT_S + 10))
        .until(() -> !process.isAlive());
    if (process.exitValue() != 0) {
      throw new AssertionError("mosquitto_sub failed: " + process);
    }
    return process
        .stdout()
        .lines()
        .filter(line -> line.startsWith("{"))
        .map(QuoteSubscriber::json)
        .toList();
  }

  @Override
  public void close() {
    process.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String line) {
    try {
      return JSON.readValue(line, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON object: " + line, e);
    }
  }
}
