package io.intuition.common.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The run of a long-lived service: it serves until {@link #stop()} or SIGTERM/Ctrl-C, then closes
 * what it holds and the process exits 0.
 *
 * <p>The JVM exits as soon as its shutdown hooks return, so the hook waits (up to a limit) for the
 * service to report {@link #closed()}, then ends the process with status 0: a clean stop on a
 * signal is a success, not the JVM's default 143.
 */
public final class Lifecycle {
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Duration closeLimit;
  private Thread hook;

  /** A lifecycle whose signal handling waits at most {@code closeLimit} for the close. */
  public Lifecycle(Duration closeLimit) {
    this.closeLimit = closeLimit;
  }

  /** Makes SIGTERM and Ctrl-C stop the service; {@code name} names the hook thread. */
  public void stopOnSignal(String name) {
    hook = new Thread(this::stopFromSignal, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Blocks until the service is asked to stop. */
  public void awaitStop() throws InterruptedException {
    stopping.await();
  }

  /**
   * Waits up to {@code timeout} for a stop request, as an interruptible pause between retries.
   *
   * @return whether the service is stopping
   */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the service to stop. Any thread. */
  public void stop() {
    stopping.countDown();
  }

  /** Whether the service was asked to stop. */
  public boolean isStopping() {
    return stopping.getCount() == 0;
  }

  /** Reports that the service has closed everything; a pending signal then exits with 0. */
  public void closed() {
    closed.countDown();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already: the hook is what stopped us, and it exits now
      }
    }
  }

  private void stopFromSignal() {
    stop();
    try {
      if (closed.await(closeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
        Runtime.getRuntime().halt(0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
