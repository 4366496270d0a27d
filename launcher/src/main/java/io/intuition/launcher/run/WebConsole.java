package io.intuition.launcher.run;

import io.intuition.launcher.process.Processes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/**
 * The port the console's web page is served on: the one asked for with {@code --console-port}, else
 * {@link #DEFAULT_PORT} when it is free on loopback, else any free port; the run prints which.
 */
final class WebConsole {
  /** The port tried first when none is asked for, as compose publishes it. */
  static final int DEFAULT_PORT = 8080;

  private WebConsole() {}

  /**
   * The port to give the console: {@code requested} when not null (0 lets the console take any free
   * one, found here so that the run knows it), else {@link #DEFAULT_PORT} when {@code free} says
   * so, else a free one.
   */
  static int port(Integer requested, IntPredicate free) {
    if (requested != null && requested != 0) {
      return requested;
    }
    if (requested == null && free.test(DEFAULT_PORT)) {
      return DEFAULT_PORT;
    }
    return Processes.freePort();
  }

  /** Whether nothing listens on {@code port} of loopback: a bind there succeeds. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
