package io.intuition.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One of the suite's services, run from its jar as a process of its own. */
public final class JavaService implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private JavaService(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmFlags> -jar <jar> <args>}, its output to {@code <logs>/<name>.log}.
   *
   * @throws IllegalStateException if the jar is missing
   */
  public static JavaService start(
      String name, Path jar, List<String> jvmFlags, List<String> args, Path logs)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (mvn -B package -DskipTests -DskipITs)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // as scripts/run.sh and the images: fewer malloc arenas, a smaller resident set
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
    return new JavaService(name, process, log);
  }

  /** The service's name. */
  public String name() {
    return name;
  }

  /** Its process id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Fails, naming the log, if the process has exited.
   *
   * @throws IllegalStateException if it has
   */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with status " + process.exitValue() + "; see " + log);
    }
  }

  /** Stops it with SIGTERM, then SIGKILL after 5 s. */
  @Override
  public void close() {
    Processes.stop(process);
  }
}
