package io.intuition.console.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Serves {@code GET /events}: a snapshot, then each event of the hub, and a keep-alive comment when
 * the stream has been silent a while; 503 when the hub has as many pages as it takes.
 */
final class EventStream {
  private final EventHub hub;
  private final Duration keepAlive;

  EventStream(EventHub hub, Duration keepAlive) {
    this.hub = hub;
    this.keepAlive = keepAlive;
  }

  /** Streams until the page leaves, is cut off or the hub closes. */
  void serve(HttpExchange exchange) throws IOException {
    EventHub.Client client = hub.open();
    if (client == null) {
      WebServer.send(
          exchange,
          503,
          "text/plain; charset=utf-8",
          "too many pages listening; try again later\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(": console\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      pump(client, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (EventHub.CutOffException e) {
      // cut off for not keeping up, or the server stops: the page reconnects
    } finally {
      hub.close(client);
    }
  }

  private void pump(EventHub.Client client, OutputStream out)
      throws IOException, InterruptedException, EventHub.CutOffException {
    while (!Thread.currentThread().isInterrupted()) {
      SseEvent event = client.next(keepAlive);
      out.write(event == null ? SseEvent.KEEP_ALIVE : event.frame());
      out.flush();
    }
  }
}
