package io.intuition.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What starting and stopping processes needs: ports, readiness, a clean stop. */
public final class Processes {
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private Processes() {}

  /** A TCP port free on loopback right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * Waits until something accepts connections on {@code port} of loopback, calling {@code
   * requireAlive} (which throws when the process meant to listen has exited) between attempts.
   *
   * @return whether it listened within {@code limit}
   */
  public static boolean awaitListening(int port, Duration limit, Runnable requireAlive)
      throws InterruptedException {
    return awaitListening("127.0.0.1", port, limit, requireAlive);
  }

  /**
   * Waits until something accepts connections on {@code host:port}, calling {@code requireAlive}
   * between attempts.
   *
   * @return whether it listened within {@code limit}
   */
  public static boolean awaitListening(String host, int port, Duration limit, Runnable requireAlive)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() - deadline < 0) {
      requireAlive.run();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 200);
        return true;
      } catch (IOException e) {
        TimeUnit.MILLISECONDS.sleep(50); // not listening yet: poll the port again
      }
    }
    return false;
  }

  /** Whether something accepts connections on {@code host:port} within {@code limit}. */
  public static boolean listening(String host, int port, Duration limit) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) limit.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops {@code process} with SIGTERM, then SIGKILL after a grace period. */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
