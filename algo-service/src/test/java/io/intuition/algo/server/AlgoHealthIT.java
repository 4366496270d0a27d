package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.OpsEndpoint;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The packaged algo-service with {@code --http-port 0}: its health and its book's gauges. */
class AlgoHealthIT {
  private static final Duration START = Duration.ofSeconds(20);
  private static final Duration CALL = Duration.ofSeconds(10);

  private ManagedProcess process;
  private String address;
  private OpsEndpoint ops;

  @BeforeEach
  void start() {
    address = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
            ProjectPaths.java(),
            "-jar",
            ProjectPaths.serviceJar("algo-service").toString(),
            "--addr",
            address,
            "--seed",
            "3",
            "--http-port",
            "0");
    builder.environment().keySet().removeIf(key -> key.startsWith("ALGO_"));
    process = ManagedProcess.start("algo-service on " + address, builder);
    process.awaitOutput("serving on", START);
    ops = OpsEndpoint.of(process, START);
  }

  @AfterEach
  void stop() {
    process.close();
  }

  @Test
  void health_rpcLoopAnswering_is200NamingTheRpcCheck() {
    var health = ops.get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"rpc\":{\"status\":\"UP\"");
  }

  @Test
  void metrics_afterInitialize_showTheBooksCashAndEquityAndTheQuotesAnswered() {
    assertThat(ops.metric("algo_portfolio_cash")).as("before initialize").isNaN();
    try (RpcClient client = RpcClient.connect(address, CALL)) {
      client.invoke("initialize", Map.of("cash", 50_000, "threshold", 0));
      client.invoke("event", Map.of("sid", "GOOG", "quote", 100.0, "ts", 1));
      @SuppressWarnings("unchecked")
      Map<String, Object> book = (Map<String, Object>) client.invoke("portfolio");

      assertThat(ops.metric("algo_portfolio_cash"))
          .isEqualTo(((Number) book.get("cash")).doubleValue());
      assertThat(ops.metric("algo_portfolio_equity")).isPositive();
      assertThat(ops.metric("algo_quotes_answered_total")).as("quotes answered").isEqualTo(1.0);
      assertThat(ops.metric("algo_quotes_stale_total")).as("quotes stale").isZero();

      client.invoke("event", Map.of("sid", "GOOG", "quote", 101.0, "ts", 3));
      client.invoke("event", Map.of("sid", "GOOG", "quote", 99.0, "ts", 2));
      assertThat(ops.metric("algo_quotes_stale_total")).as("an older quote, stale").isEqualTo(1.0);
      assertThat(ops.metric("algo_quotes_answered_total")).as("quotes answered").isEqualTo(3.0);
    }
  }
}
