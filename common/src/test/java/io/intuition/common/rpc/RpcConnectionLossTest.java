package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import io.intuition.common.testing.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A client whose connection to the server breaks, through a real proxy that cuts it. */
class RpcConnectionLossTest {
  private final Set<Object> run = ConcurrentHashMap.newKeySet();
  private final RpcService service =
      RpcService.builder("recorder")
          .method(
              "record",
              List.of("value"),
              "Records its argument.",
              args -> {
                run.add(args.get(0));
                return args.get(0);
              })
          .build();

  @Test
  void call_failedWhileTheNetworkIsCut_isNotRunOverTheNextConnection() {
    try (RpcServer server = RpcServer.start(service, "tcp://127.0.0.1:*");
        TcpProxy proxy = TcpProxy.start("127.0.0.1", port(server.address()));
        RpcClient client =
            RpcClient.connect("tcp://localhost:" + proxy.port(), Duration.ofMinutes(1))) {
      assertThat(client.invoke("record", "before")).isEqualTo("before");

      proxy.cut();
      // sent over the connection cut, or over one the cut network accepts and then drops
      List<CompletableFuture<Object>> calls =
          IntStream.range(0, 20).mapToObj(n -> client.call("record", n)).toList();
      await("every call failing")
          .atMost(Duration.ofSeconds(30))
          .until(() -> calls.stream().allMatch(CompletableFuture::isDone));
      proxy.restore();

      // a connection the cut network took just before may yet drop the first call after
      await("a call over the network restored")
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptionsInstanceOf(RpcTimeoutException.class)
          .until(() -> "after".equals(client.invoke("record", "after")));
      assertThat(run).as("calls run").containsOnly("before", "after");
      assertThat(calls)
          .allSatisfy(
              call -> assertThatThrownBy(call::join).hasCauseInstanceOf(RpcTimeoutException.class));
    }
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }
}
