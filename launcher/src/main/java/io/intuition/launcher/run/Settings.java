package io.intuition.launcher.run;

import io.intuition.launcher.broker.BrokerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run needs to know, checked by the command line.
 *
 * @param root the repository, whose module folders hold the jars
 * @param mqtt the broker's URL as given, passed on to the services
 * @param broker where it listens
 * @param strategy what the algo runs
 * @param duration how long to run, or empty for until stopped
 * @param rate quotes per second from the feed, as given
 * @param runDir the run folder, or null for {@code runs/<timestamp>}
 * @param jvmFlags the services' JVM flags
 * @param environment this process's environment
 * @param consolePort the console's port as asked for ({@code --console-port}), or null for 8080
 *     when free, else any free port
 */
public record Settings(
    Path root,
    String mqtt,
    BrokerAddress broker,
    Strategy strategy,
    Optional<Duration> duration,
    String rate,
    Path runDir,
    List<String> jvmFlags,
    Map<String, String> environment,
    Integer consolePort) {
  /** Copies the lists. */
  public Settings {
    jvmFlags = List.copyOf(jvmFlags);
    environment = Map.copyOf(environment);
  }
}
