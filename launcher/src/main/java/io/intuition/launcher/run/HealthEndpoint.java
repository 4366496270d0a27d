package io.intuition.launcher.run;

import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ready once {@code GET /health} of the service's operations endpoint ({@code --http-port}) answers
 * 200: every check of the service up, such as its broker link.
 *
 * @param port the port given to the service with {@code --http-port}, on loopback
 */
record HealthEndpoint(int port) implements Readiness {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final long POLL_MS = 100;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  @Override
  public void await(ServiceProcess service, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!healthy()) {
      if (!service.isAlive()) {
        throw new RunFailure(
            service.name() + " exited before it was healthy; its log: " + service.log());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new RunFailure(
            service.name()
                + " was not healthy within "
                + limit.toSeconds()
                + " s ("
                + uri()
                + "); its log: "
                + service.log());
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MS); // starting up, or not up yet: ask again
    }
  }

  /** {@code http://127.0.0.1:<port>/health}. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/health");
  }

  private boolean healthy() throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri()).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    }
  }
}
