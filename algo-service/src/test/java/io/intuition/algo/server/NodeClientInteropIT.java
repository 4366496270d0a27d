package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.NodePeer;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Node.js zerorpc 0.9.8 client calling our algo-service process. */
class NodeClientInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ManagedProcess algo;
  private static String endpoint;

  @BeforeAll
  static void start() {
    endpoint = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    algo =
        ManagedProcess.start(
                "algo-service",
                ProjectPaths.root(),
                List.of(
                    ProjectPaths.java(),
                    "-jar",
                    ProjectPaths.serviceJar("algo-service").toString(),
                    "--addr",
                    endpoint,
                    "--seed",
                    "5"))
            .awaitOutput("serving on", Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    algo.close();
  }

  @Test
  void initialize_returnsQuotesChannel() throws Exception {
    assertThat(call("initialize", "{\"cash\": 50000}"))
        .isEqualTo(Map.of("ok", true, "result", List.of("quotes")));
  }

  @Test
  void event_atThresholdZero_returnsAnOrder() throws Exception {
    call("initialize", "{\"cash\": 50000, \"threshold\": 0}");

    Map<?, ?> reply = call("event", "{\"sid\": \"GOOG\", \"quote\": 345}");

    assertThat(reply.get("ok")).isEqualTo(true);
    Map<?, ?> order = (Map<?, ?>) reply.get("result");
    assertThat(order.get("sid")).isEqualTo("GOOG");
    assertThat(((Number) order.get("quote")).doubleValue()).isEqualTo(345.0);
    assertThat(((Number) order.get("cash")).doubleValue()).isBetween(0.0, 50_000.0);
  }

  @Test
  void event_atThresholdOne_returnsNil() throws Exception {
    call("initialize", "{\"cash\": 50000, \"threshold\": 1}");

    Map<String, Object> nil = new java.util.HashMap<>();
    nil.put("ok", true);
    nil.put("result", null);
    assertThat(call("event", "{\"GOOG\": 3.45}")).isEqualTo(nil);
  }

  @Test
  void event_malformed_isAnErrorNamingTheField() throws Exception {
    call("initialize", "{}");

    assertThat(call("event", "{\"sid\": \"GOOG\", \"quote\": \"abc\"}"))
        .isEqualTo(
            Map.of(
                "ok",
                false,
                "error",
                Map.of(
                    "name", "InvalidQuote", "message", "quote must be a number, but was \"abc\"")));
  }

  @Test
  void unknownMethod_isNameError() throws Exception {
    assertThat(call("nosuch"))
        .isEqualTo(Map.of("ok", false, "error", Map.of("name", "NameError", "message", "nosuch")));
  }

  @Test
  void ping_answersPongWithTheServiceName() throws Exception {
    assertThat(call("_zerorpc_ping"))
        .isEqualTo(Map.of("ok", true, "result", List.of("pong", "algo")));
  }

  private static Map<?, ?> call(String method, String... args) throws Exception {
    return JSON.readValue(NodePeer.call(endpoint, method, args), Map.class);
  }
}
