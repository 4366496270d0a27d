package io.intuition.console.metrics;

import io.intuition.console.web.EventHub;
import io.intuition.console.web.SseEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes each service's {@code /metrics} every period, on one thread, all endpoints at once, each
 * within a timeout and a body limit; after each round it publishes the {@code metrics} event and
 * keeps its list for snapshots.
 */
public final class Scraper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scraper.class);

  /** The longest body read: a few hundred series take a few tens of KiB. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final Supplier<List<Endpoint>> endpoints;
  private final EventHub hub;
  private final Duration timeout;
  private final HttpClient http;
  private final Map<String, Rates.Reading> readings = new HashMap<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "console-scrape");
            thread.setDaemon(true);
            return thread;
          });
  private volatile List<MetricView> latest = List.of();

  /** A scraper of the {@code endpoints} of the moment, each answering within {@code timeout}. */
  public Scraper(Supplier<List<Endpoint>> endpoints, EventHub hub, Duration timeout) {
    this.endpoints = endpoints;
    this.hub = hub;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Scrapes every {@code every}, the first time now. */
  public void start(Duration every) {
    scheduler.scheduleWithFixedDelay(this::scrape, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The views of the last round. */
  public List<MetricView> latest() {
    return latest;
  }

  /** One round over every endpoint. */
  void scrape() {
    try {
      Map<String, Endpoint> round = new LinkedHashMap<>();
      endpoints.get().forEach(endpoint -> round.putIfAbsent(endpoint.url(), endpoint));
      readings.keySet().retainAll(round.keySet());
      Map<String, CompletableFuture<HttpResponse<byte[]>>> calls = new LinkedHashMap<>();
      round.values().forEach(endpoint -> calls.put(endpoint.url(), get(endpoint.url())));
      long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(50);
      List<MetricView> views = new ArrayList<>(round.size());
      for (Endpoint endpoint : round.values()) {
        views.add(view(endpoint, calls.get(endpoint.url()), deadline));
      }
      hub.publish(
          () -> {
            latest = List.copyOf(views);
            return SseEvent.json("metrics", Map.of("services", views));
          });
    } catch (RuntimeException e) {
      log.error("a round of scrapes failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<HttpResponse<byte[]>> get(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
      return http.sendAsync(request, LimitedBody.handler(MAX_BODY_BYTES));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private MetricView view(
      Endpoint endpoint, CompletableFuture<HttpResponse<byte[]>> call, long deadline)
      throws InterruptedException {
    try {
      HttpResponse<byte[]> response =
          call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (response.statusCode() != 200) {
        return Rates.down(endpoint, "answered " + response.statusCode());
      }
      String text = new String(response.body(), StandardCharsets.UTF_8);
      Rates.Reading now =
          new Rates.Reading(System.nanoTime(), PrometheusText.read(text, Rates.NAMES));
      return Rates.of(endpoint, readings.put(endpoint.url(), now), now);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return Rates.down(
          endpoint, cause.getMessage() != null ? cause.getMessage() : cause.toString());
    } catch (TimeoutException e) {
      call.cancel(true);
      return Rates.down(endpoint, "no answer within " + timeout.toMillis() + " ms");
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
