package io.intuition.feed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the built feed-service jar as a real process. */
final class FeedProcess {
  private FeedProcess() {}

  /** Starts {@code java -jar feed-service.jar args}. */
  static ManagedProcess start(String... args) {
    return start(Map.of(), args);
  }

  /**
   * Starts {@code java -jar feed-service.jar args} with {@code environment} and none of the FEED_
   * variables of the test's own environment.
   */
  static ManagedProcess start(Map<String, String> environment, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProjectPaths.java(), "-jar", ProjectPaths.serviceJar("feed-service").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("FEED_"));
    builder.environment().putAll(environment);
    return ManagedProcess.start("feed-service", builder);
  }

  /** Waits for the process to exit by itself, and checks it exited 0. */
  static void awaitSuccess(ManagedProcess feed, Duration timeout) {
    await("feed-service to finish").atMost(timeout).until(() -> !feed.isAlive());
    assertThat(feed.exitValue()).as("exit code; %s", feed).isZero();
  }
}
