package io.intuition.indicator.it;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the built indicator-service jar as a real process. */
final class IndicatorProcess {
  private static final Duration SUBSCRIBED = Duration.ofSeconds(30);

  private IndicatorProcess() {}

  /**
   * Starts {@code java -jar indicator-service.jar} on {@code broker} as {@code clientId}, with
   * {@code args}, none of the INDICATOR_ variables of the test's environment, and waits until it
   * has subscribed.
   */
  static ManagedProcess start(MosquittoBroker broker, String clientId, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProjectPaths.java(),
                "-jar",
                ProjectPaths.serviceJar("indicator-service").toString(),
                "--mqtt",
                broker.url(),
                "--client-id",
                clientId));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("INDICATOR_"));
    ManagedProcess process = ManagedProcess.start("indicator-service", builder);
    process.awaitLog("subscribed to [quotes", SUBSCRIBED);
    return process;
  }
}
