package io.intuition.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process started from its command line, its output (stdout and stderr) in {@code
 * <logs>/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {
  private static final long POLL_MS = 50;

  private final String name;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code directory} with {@code environment} added to this one's. */
  public static ServiceProcess start(
      String name, List<String> command, Path directory, Path logs, Map<String, String> environment)
      throws IOException {
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    environment.forEach(builder.environment()::putIfAbsent);
    ServiceProcess started = launch(name, builder, log);
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, name + "-stop"));
    return started;
  }

  /**
   * Starts {@code builder}, whose output the caller has sent to {@code log}, with no shutdown hook
   * of its own: the caller stops it, in the order it chooses.
   */
  public static ServiceProcess launch(String name, ProcessBuilder builder, Path log)
      throws IOException {
    return new ServiceProcess(name, builder.start(), log);
  }

  /** Its log. */
  public Path log() {
    return log;
  }

  /** Sends it SIGTERM, returning at once. */
  public void destroy() {
    process.destroy();
  }

  /** The process's name, which is also its log's. */
  public String name() {
    return name;
  }

  /** Its process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether it is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit status once it has exited. */
  public Optional<Integer> exitStatus() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /**
   * Waits up to {@code limit} for the process to exit.
   *
   * @return whether it has exited
   */
  public boolean awaitExit(Duration limit) throws InterruptedException {
    return process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
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

  /** Its output so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  /**
   * Waits until its output holds {@code text}.
   *
   * @return false if it exited or {@code limit} passed first
   */
  public boolean awaitOutput(String text, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!output().contains(text)) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        return output().contains(text);
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MS); // a log file has nothing to wait on but time
    }
    return true;
  }

  /**
   * Waits until its output holds {@code text}, for a process that says when it is ready.
   *
   * @throws IllegalStateException naming the log if it exits or is not ready within {@code limit}
   */
  public void awaitReady(String text, Duration limit) throws InterruptedException {
    if (!awaitOutput(text, limit)) {
      requireAlive();
      throw new IllegalStateException(
          name + " did not print \"" + text + "\" within " + limit.toSeconds() + " s; see " + log);
    }
  }

  /** Stops it with SIGTERM, then SIGKILL after 5 s. */
  @Override
  public void close() {
    Processes.stop(process);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + log + ")";
  }
}
