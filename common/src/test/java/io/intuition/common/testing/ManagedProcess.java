package io.intuition.common.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real child process for integration tests: its output goes to files, so it never blocks on a
 * full pipe and nothing it prints before exiting is lost, and it is always killed on {@link
 * #close()}.
 */
public final class ManagedProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private ManagedProcess(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code command} in {@code directory}. */
  public static ManagedProcess start(String name, Path directory, List<String> command) {
    return start(name, new ProcessBuilder(command).directory(directory.toFile()));
  }

  /**
   * Starts the process {@code builder} describes, for a custom environment. Its output goes to
   * files under {@code target/process-logs}, kept for diagnosis: reading a pipe loses what a
   * process writes just before it exits.
   */
  public static ManagedProcess start(String name, ProcessBuilder builder) {
    try {
      Path logs = Files.createDirectories(Path.of("target", "process-logs"));
      String prefix = name.replaceAll("\\W", "-") + "-";
      Path out = Files.createTempFile(logs, prefix, ".out");
      Path err = Files.createTempFile(logs, prefix, ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      return new ManagedProcess(name, process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + builder.command(), e);
    }
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /**
   * The highest resident set size of the process so far ({@code VmHWM} of Linux's {@code /proc}),
   * in bytes.
   *
   * @throws IllegalStateException if it cannot be read, such as after the process exited
   */
  public long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the memory use of " + name, e);
    }
    throw new IllegalStateException("no VmHWM for " + name);
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until standard output contains {@code text}; fails showing both outputs. */
  public ManagedProcess awaitOutput(String text, Duration timeout) {
    return awaitText(out, "printing", text, timeout);
  }

  /** Waits until standard error (where services log) contains {@code text}. */
  public ManagedProcess awaitLog(String text, Duration timeout) {
    return awaitText(err, "logging", text, timeout);
  }

  private ManagedProcess awaitText(Path file, String verb, String text, Duration timeout) {
    await(name + " " + verb + " \"" + text + "\"")
        .atMost(timeout)
        .until(() -> read(file).contains(text) || !process.isAlive());
    if (!read(file).contains(text)) {
      throw new AssertionError(name + " exited before " + verb + " \"" + text + "\"; " + this);
    }
    return this;
  }

  /** Everything the process printed on standard output so far. */
  public String stdout() {
    return read(out);
  }

  /** Everything the process printed on standard error so far. */
  public String stderr() {
    return read(err);
  }

  /** Sends SIGTERM and waits up to {@code timeout} for the exit; returns whether it exited. */
  public boolean terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits up to {@code timeout} for the process to exit by itself; returns whether it did. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The exit code; the process must have exited. */
  public int exitValue() {
    return process.exitValue();
  }

  /** Kills the process at once, as a crash would, and waits for it to be gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    String state = process.isAlive() ? "alive" : "exit " + process.exitValue();
    return "--- " + name + " (" + state + ")\nstdout:\n" + stdout() + "\nstderr:\n" + stderr();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
