package io.intuition.console.app;

import io.intuition.common.discovery.Directory;
import io.intuition.console.intake.Intake;
import io.intuition.console.orders.Orders;
import io.intuition.console.web.EventHub;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The console's own metrics, as its {@code /metrics} shows them. */
final class ConsoleMetrics {
  private ConsoleMetrics() {}

  /**
   * The registry of the console's meters. Micrometer holds each meter's object weakly: each one
   * here is held by the running console.
   */
  static PrometheusMeterRegistry registry(
      Orders orders, EventHub hub, Intake intake, Directory directory) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FunctionCounter.builder("console.orders.received", orders, Orders::total)
        .description("Orders received, all counted though only the latest are kept")
        .register(registry);
    Gauge.builder("console.orders.kept", orders, Orders::kept)
        .description("Orders held in memory, at most --max-orders")
        .register(registry);
    Gauge.builder("console.sse.clients", hub, EventHub::clients)
        .description("Pages whose event stream is open")
        .register(registry);
    FunctionCounter.builder("console.sse.dropped", hub, EventHub::dropped)
        .description("Pages cut off for not keeping up with their events")
        .register(registry);
    FunctionCounter.builder(
            "console.input.rejected",
            intake,
            held -> held.rejected() + directory.ignoredPastTheLimit())
        .description("Messages refused: malformed, or past a limit of what is kept")
        .register(registry);
    return registry;
  }
}
