package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.NodePeer;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our {@link RpcClient} calling the real Node.js zerorpc 0.9.8 server. */
class NodeServerInteropIT {
  private static ManagedProcess server;
  private static RpcClient client;

  @BeforeAll
  static void start() {
    String endpoint = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    server = NodePeer.startServer(endpoint);
    client = RpcClient.connect(endpoint, Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void initialize_returnsTheChannels() {
    assertThat(client.invoke("initialize", Map.of("cash", 50_000))).isEqualTo(List.of("quotes"));
  }

  @Test
  void event_returnsTheNodeOrder() {
    client.invoke("initialize", Map.of("cash", 50_000));

    Object order = client.invoke("event", Map.of("sid", "GOOG", "quote", 345.5));

    assertThat(order)
        .isEqualTo(
            Map.of("sid", "GOOG", "quote", 345.5, "amount", 1, "shares", 1, "cash", 49_654.5));
  }

  @Test
  void event_noOrder_isNull() {
    assertThat(client.invoke("event", Map.of("skip", true))).isNull();
  }

  @Test
  void add_integralResult_arrivesAsInteger() {
    assertThat(client.invoke("add", 2, 3)).isEqualTo(5);
  }

  @Test
  void fail_isRemoteErrorWithNodeNameAndMessage() {
    assertThatThrownBy(() -> client.invoke("fail"))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.errorName()).isEqualTo("Error");
              assertThat(e.remoteMessage()).isEqualTo("boom!");
            });
  }

  @Test
  void ping_answersPong() {
    assertThat(client.invoke("_zerorpc_ping")).isEqualTo(List.of("pong", ""));
  }

  @Test
  void manyOutstandingCalls_eachGetsItsOwnAnswer() {
    var calls =
        java.util.stream.IntStream.range(0, 200).mapToObj(i -> client.call("add", i, 1)).toList();

    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i).join()).isEqualTo(i + 1);
    }
  }
}
