package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RpcPingTest {
  private static final Duration LIMIT = Duration.ofMillis(200);
  private final TestService service = new TestService();

  @Test
  void ping_idleServer_answers() {
    try (RpcServer server =
        RpcServer.builder(service.build(), "tcp://127.0.0.1:*").directExecutor().start()) {
      assertThat(server.ping(LIMIT)).isTrue();
      assertThat(server.call(() -> "on " + Thread.currentThread().getName(), LIMIT))
          .isEqualTo("on rpc-server");
    }
  }

  @Test
  void ping_loopStuckInAMethod_failsWithinTheLimit_andAnswersOnceItReturns() throws Exception {
    try (RpcServer server =
            RpcServer.builder(service.build(), "tcp://127.0.0.1:*").directExecutor().start();
        RpcClient client = RpcClient.connect(server.address(), Duration.ofSeconds(10))) {
      CompletableFuture<Object> blocked = client.call("block");
      // the loop runs the method itself: once the call arrived, the loop is stuck in it
      await().until(() -> !server.ping(LIMIT));

      service.release.countDown();

      assertThat(blocked.get()).isEqualTo("released");
      assertThat(server.ping(LIMIT)).isTrue();
    }
  }

  @Test
  void ping_closedServer_fails() {
    RpcServer server = RpcServer.start(service.build(), "tcp://127.0.0.1:*");
    server.close();

    assertThat(server.ping(LIMIT)).isFalse();
  }
}
