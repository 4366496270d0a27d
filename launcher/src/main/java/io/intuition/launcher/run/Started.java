package io.intuition.launcher.run;

import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The processes a run started, by name in start order, each recorded in the pids file. */
final class Started {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  // Ctrl-C reaches every process of the terminal's group: the children ignore it, so that the run
  // stops them in its own order (a JVM keeps SIGINT ignored when it starts with it so)
  private static final List<String> IGNORING_CTRL_C =
      List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh");

  private final RunFolder folder;
  private final Console console;
  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private boolean closed;

  Started(RunFolder folder, Console console) {
    this.folder = folder;
    this.console = console;
  }

  /**
   * Starts {@code command} as {@code name}, its output to {@code <name>.log} unless {@code builder}
   * already sends it elsewhere.
   */
  synchronized ServiceProcess start(String name, ProcessBuilder builder) {
    if (closed) {
      throw new RunFailure("stopping: " + name + " is not started");
    }
    Path log = folder.log(name);
    if (builder.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
    }
    if (builder.redirectInput() == ProcessBuilder.Redirect.PIPE) {
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    List<String> command = new ArrayList<>(IGNORING_CTRL_C);
    command.addAll(builder.command());
    builder.command(command);
    try {
      ServiceProcess process = ServiceProcess.launch(name, builder, log);
      processes.put(name, process);
      folder.record(process);
      return process;
    } catch (IOException e) {
      throw new RunFailure("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /** Starts nothing more: the run is stopping. */
  synchronized void close() {
    closed = true;
  }

  synchronized Optional<ServiceProcess> get(String name) {
    return Optional.ofNullable(processes.get(name));
  }

  synchronized boolean isEmpty() {
    return processes.isEmpty();
  }

  /** The first process, in start order, that has exited. */
  synchronized Optional<ServiceProcess> firstExited() {
    return processes.values().stream().filter(p -> !p.isAlive()).findFirst();
  }

  /** SIGTERM to each of {@code names} started, up to 5 s for all to exit, then SIGKILL. */
  void stop(String... names) {
    List<ServiceProcess> stopping = new ArrayList<>();
    for (String name : names) {
      get(name).ifPresent(stopping::add);
    }
    stopping.forEach(ServiceProcess::destroy);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (ServiceProcess process : stopping) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!process.awaitExit(Duration.ofNanos(left))) {
          console.say(
              "pid "
                  + process.pid()
                  + " did not stop within "
                  + STOP_TIMEOUT.toSeconds()
                  + " s: killing it");
          process.close();
        }
      } catch (InterruptedException e) {
        process.close();
        Thread.currentThread().interrupt();
      }
    }
  }
}
