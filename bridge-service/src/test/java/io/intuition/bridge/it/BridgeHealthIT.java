package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.testing.OpsEndpoint;
import io.intuition.common.testing.ServiceAnnouncements;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge's {@code /health} and {@code /metrics}, on a real broker, algo-service and
 * bridge-service started with {@code --http-port 0}.
 */
class BridgeHealthIT {
  private static final int QUOTES = 200;
  private static final Duration WAIT = Duration.ofMinutes(1);

  private RunningSuite suite;
  private OpsEndpoint ops;

  @BeforeEach
  void start() throws Exception {
    suite =
        RunningSuite.start(
            "--param",
            "threshold=0",
            "--http-port",
            "0",
            "--name",
            "b1",
            "--http-advertise",
            "127.0.0.1");
    ops = OpsEndpoint.of(suite.bridge, Suite.START);
  }

  @AfterEach
  void stop() throws Exception {
    suite.close();
  }

  @Test
  void quotesFlowing_healthIsUp_andTheCountersAreTheQuotesSentAndTheOrdersPublished() {
    await("health up; " + suite.bridge).atMost(WAIT).until(() -> ops.healthStatus() == 200);
    HttpResponse<String> health = ops.get("/health");
    assertThat(health.body())
        .contains("\"broker\":{\"status\":\"UP\"")
        .contains("\"algo\":{\"status\":\"UP\"");

    suite.publish(0, QUOTES);
    suite.awaitOrders(QUOTES, WAIT);

    await("the counters to catch up")
        .atMost(WAIT)
        .until(() -> ops.metric("bridge_orders_published_total") == suite.probe.count("orders"));
    assertThat(ops.metric("bridge_quotes_received_total")).isEqualTo(QUOTES);
    assertThat(ops.metric("bridge_quotes_forwarded_total")).isEqualTo(QUOTES);
    assertThat(ops.metric("bridge_orders_published_total")).isEqualTo(QUOTES);
    assertThat(ops.metric("bridge_quotes_rejected_total{reason=\"refused\"}")).isZero();
    assertThat(ops.metric("bridge_rpc_latency_seconds_count")).isEqualTo(QUOTES);
    assertThat(ops.metric("bridge_quote_to_order_latency_seconds_count")).isEqualTo(QUOTES);
    assertThat(ops.metric("bridge_rpc_errors_total")).isZero();
  }

  @Test
  void announcement_saysWhereTheMetricsAnswer() {
    Announcement birth =
        await("the bridge's birth; " + suite.bridge)
            .atMost(WAIT)
            .ignoreExceptions()
            .until(
                () -> ServiceAnnouncements.retained(suite.broker.url(), "bridge", "b1"),
                found -> found.filter(Announcement::isOnline).isPresent())
            .orElseThrow();

    assertThat(birth.http()).matches("http://127\\.0\\.0\\.1:[1-9]\\d*");
    assertThat(OpsEndpoint.at(birth.http()).get("/metrics").body())
        .contains("bridge_quotes_received_total");
  }

  @Test
  void algoFrozenWhileNoQuoteComes_healthTurns503ByAPing_andUpOnceItAnswersAgain() {
    await("health up; " + suite.bridge).atMost(WAIT).until(() -> ops.healthStatus() == 200);

    suite.freezeAlgo();
    await("the idle bridge's ping to fail; " + suite.bridge)
        .atMost(WAIT)
        .until(() -> ops.healthStatus() == 503);
    assertThat(ops.get("/health").body()).contains("\"down\":[\"algo\"]");

    suite.thawAlgo();
    await("an answered ping to end the outage; " + suite.bridge)
        .atMost(WAIT)
        .until(() -> ops.healthStatus() == 200);
    assertThat(ops.metric("bridge_quotes_received_total")).isZero();
  }

  @Test
  void algoFrozen_healthTurns503NamingTheAlgo_thenBrokerStopped_namingTheBroker() {
    await("health up; " + suite.bridge).atMost(WAIT).until(() -> ops.healthStatus() == 200);

    suite.freezeAlgo();
    suite.publish(0, 10);
    await("the algo check down; " + suite.bridge)
        .atMost(WAIT)
        .until(() -> ops.healthStatus() == 503);
    assertThat(ops.get("/health").body()).contains("\"down\":[\"algo\"]");
    assertThat(ops.metric("bridge_rpc_errors_total")).isPositive();

    suite.thawAlgo();
    await("health up again").atMost(WAIT).until(() -> ops.healthStatus() == 200);

    suite.broker.stop();
    await("the broker check down; " + suite.bridge)
        .atMost(WAIT)
        .until(() -> ops.get("/health").body().contains("\"down\":[\"broker\""));
    assertThat(ops.healthStatus()).isEqualTo(503);
  }
}
