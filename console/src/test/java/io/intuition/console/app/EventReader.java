package io.intuition.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A page's view of {@code /events}: every event read, on a thread of its own. */
final class EventReader implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event read: its name and its data parsed. */
  record Event(String name, JsonNode data) {}

  private final List<Event> events = new ArrayList<>();
  private final InputStream body;
  private final Thread thread;

  private EventReader(InputStream body) {
    this.body = body;
    this.thread = new Thread(this::read, "sse-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens {@code base/events} and reads it until closed. */
  static EventReader open(String base) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/events"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/events answered " + response.statusCode());
    }
    return new EventReader(response.body());
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          add(new Event(name, JSON.readTree(line.substring(6))));
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  private synchronized void add(Event event) {
    events.add(event);
  }

  /** Every event read so far. */
  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** The events of {@code name} read so far. */
  List<JsonNode> named(String name) {
    return events().stream().filter(e -> name.equals(e.name())).map(Event::data).toList();
  }

  /** Whether an event of {@code name} whose data passes {@code test} was read. */
  boolean has(String name, Predicate<JsonNode> test) {
    return named(name).stream().anyMatch(test);
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
