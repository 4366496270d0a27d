package io.intuition.common.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real child process for integration tests: its output is drained into buffers so it never blocks
 * on a full pipe, and it is always killed on {@link #close()}.
 */
public final class ManagedProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();

  private ManagedProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    drain(process.getInputStream(), out, name + "-out");
    drain(process.getErrorStream(), err, name + "-err");
  }

  /** Starts {@code command} in {@code directory}. */
  public static ManagedProcess start(String name, Path directory, List<String> command) {
    return start(name, new ProcessBuilder(command).directory(directory.toFile()));
  }

  /** Starts the process {@code builder} describes, for a custom environment. */
  public static ManagedProcess start(String name, ProcessBuilder builder) {
    try {
      return new ManagedProcess(name, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + builder.command(), e);
    }
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until standard output contains {@code text}; fails showing both outputs. */
  public ManagedProcess awaitOutput(String text, Duration timeout) {
    await(name + " printing \"" + text + "\"; " + this)
        .atMost(timeout)
        .until(() -> out.indexOf(text) >= 0 || !process.isAlive());
    if (out.indexOf(text) < 0) {
      throw new AssertionError(name + " exited before printing \"" + text + "\"; " + this);
    }
    return this;
  }

  /** Everything the process printed on standard output so far. */
  public String stdout() {
    return out.toString();
  }

  /** Everything the process printed on standard error so far. */
  public String stderr() {
    return err.toString();
  }

  /** Sends SIGTERM and waits up to {@code timeout} for the exit; returns whether it exited. */
  public boolean terminate(Duration timeout) throws InterruptedException {
    process.destroy();
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
    return "--- " + name + " (" + state + ")\nstdout:\n" + out + "\nstderr:\n" + err;
  }

  private static void drain(InputStream stream, StringBuffer into, String threadName) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (stream) {
                for (int n; (n = stream.read(buffer)) > 0; ) {
                  into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // the process has gone; what it printed is kept
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
  }
}
