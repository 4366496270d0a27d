package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.ops.Health;
import io.intuition.common.ops.Status;
import io.intuition.common.rpc.RpcService;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AlgoOpsTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final RpcService service =
      RpcService.builder("stuck")
          .method(
              "block",
              List.of(),
              "Holds the loop until released.",
              args -> {
                release.await();
                return "released";
              })
          .build();

  @Test
  void health_loopStuckInAMethod_isDownNamingTheRpcCheck_andUpOnceItReturns() throws Exception {
    try (RpcServer server =
            RpcServer.builder(service, "tcp://127.0.0.1:*").directExecutor().start();
        RpcClient client = RpcClient.connect(server.address(), Duration.ofSeconds(10))) {
      Health health = AlgoOps.health(server);
      assertThat(health.check().isUp()).isTrue();

      CompletableFuture<Object> blocked = client.call("block");
      await().until(() -> !health.check().isUp());
      Status rpc = health.check().checks().get("rpc");
      assertThat(rpc.up()).isFalse();
      assertThat(rpc.detail()).isEqualTo("the rpc loop did not run a task within 1000 ms");

      release.countDown();
      assertThat(blocked.get()).isEqualTo("released");
      assertThat(health.check().isUp()).isTrue();
    }
  }
}
