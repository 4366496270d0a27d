package io.intuition.console.app;

import io.intuition.console.books.Algo;
import io.intuition.console.books.Books;
import io.intuition.console.indicators.IndicatorView;
import io.intuition.console.indicators.Indicators;
import io.intuition.console.metrics.Endpoint;
import io.intuition.console.metrics.MetricView;
import io.intuition.console.orders.Orders;
import io.intuition.console.services.ServiceView;
import io.intuition.console.services.Services;
import io.intuition.console.web.EventHub;
import io.intuition.console.web.SseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the page shows, and the events that tell of its changes: the snapshot a page gets
 * first, the services list, and the batches of orders and indicator values.
 */
final class Dashboard {
  private final Services services;
  private final Orders orders;
  private final Indicators indicators;
  private final Books books;
  private final Supplier<List<MetricView>> metrics;
  private final List<String> algoRpc;
  private final List<String> metricsUrls;

  Dashboard(
      Services services,
      Orders orders,
      Indicators indicators,
      Books books,
      Supplier<List<MetricView>> metrics,
      List<String> algoRpc,
      List<String> metricsUrls) {
    this.services = services;
    this.orders = orders;
    this.indicators = indicators;
    this.books = books;
    this.metrics = metrics;
    this.algoRpc = List.copyOf(algoRpc);
    this.metricsUrls = List.copyOf(metricsUrls);
  }

  /** The whole state, as the {@code snapshot} event and {@code /api/state} carry it. */
  Map<String, Object> snapshot() {
    Orders.Batch recent = orders.snapshot();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("services", services.list());
    state.put("orders", Map.of("total", recent.total(), "recent", recent.orders()));
    state.put("books", books.snapshot());
    state.put("indicators", indicators.all());
    state.put("metrics", metrics.get());
    state.put("limits", Map.of("orders", orders.limit()));
    return state;
  }

  SseEvent snapshotEvent() {
    return SseEvent.json("snapshot", snapshot());
  }

  SseEvent servicesEvent() {
    return SseEvent.json("services", Map.of("services", services.list()));
  }

  /** Pushes the services, orders and indicator values changed since the last time, if any. */
  void pushBatches(EventHub hub) {
    hub.publish(() -> services.takeChanged() ? servicesEvent() : null);
    hub.publish(
        () -> {
          Orders.Batch batch = orders.drain();
          if (batch.orders().isEmpty()) {
            return null;
          }
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("total", batch.total());
          event.put("orders", batch.orders());
          return SseEvent.json("orders", event);
        });
    hub.publish(
        () -> {
          List<IndicatorView> values = indicators.drain();
          return values.isEmpty() ? null : SseEvent.json("indicators", Map.of("values", values));
        });
  }

  /** The algos to poll: each online announced algo with an address, then each given one. */
  List<Algo> algos() {
    List<Algo> algos = new ArrayList<>();
    for (ServiceView service : services.list()) {
      if (service.online() && "algo".equals(service.kind()) && service.rpc() != null) {
        algos.add(new Algo(service.name(), service.rpc()));
      }
    }
    algoRpc.forEach(rpc -> algos.add(new Algo(rpc, rpc)));
    return algos;
  }

  /** The endpoints to scrape: each online service's announced one, then each given one. */
  List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (ServiceView service : services.list()) {
      if (service.online() && service.http() != null) {
        endpoints.add(new Endpoint(service.name(), service.kind(), metricsUrl(service.http())));
      }
    }
    metricsUrls.forEach(url -> endpoints.add(new Endpoint(url, null, url)));
    return endpoints;
  }

  private static String metricsUrl(String http) {
    return (http.endsWith("/") ? http.substring(0, http.length() - 1) : http) + "/metrics";
  }
}
