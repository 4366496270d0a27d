package io.intuition.bridge.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.bridge.forward.Answer;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.RpcService;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import io.intuition.common.zmq.EventLoop;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The algorithm behind a client replaced when it moves, against real servers on loopback. */
class SwitchableRpcAlgoTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final byte[] QUOTE = "{\"GOOG\":3.5,\"ts\":1}".getBytes(StandardCharsets.UTF_8);

  private final EventLoop loop = EventLoop.start("switch-test");
  private final SwitchableRpcAlgo algo =
      new SwitchableRpcAlgo(
          address -> RpcClient.builder(address).timeout(LIMIT).eventLoop(loop).build(), LIMIT);
  private final RpcServer server = RpcServer.start(algorithm(), "tcp://127.0.0.1:*");

  @AfterEach
  void close() {
    loop.call(
        () -> {
          algo.close();
          return null;
        },
        LIMIT);
    loop.close();
    server.close();
  }

  @Test
  void beforeAnyAddress_callsAreUnavailable() {
    assertThat(onLoop(() -> algo.event(QUOTE)))
        .succeedsWithin(LIMIT)
        .isInstanceOf(Answer.Unavailable.class);
    assertThat(algo.address()).isEqualTo(SwitchableRpcAlgo.NOWHERE);
  }

  @Test
  void callOpenAtTheOldAddress_completesAsMovedWhenTheAlgoMoves() throws IOException {
    String nobody = "tcp://127.0.0.1:" + freePort();
    assertThat(switchTo(nobody)).isTrue();
    CompletableFuture<Answer> open = onLoop(() -> algo.event(QUOTE));

    assertThat(switchTo(server.address())).isTrue();

    assertThat(open).succeedsWithin(LIMIT).isEqualTo(new Answer.Moved(server.address()));
    assertThat(onLoop(() -> algo.event(QUOTE)))
        .succeedsWithin(LIMIT)
        .isInstanceOf(Answer.Orders.class);
    assertThat(algo.address()).isEqualTo(server.address());
  }

  @Test
  void sameAddressAgain_keepsTheClientAndItsOpenCalls() {
    switchTo(server.address());

    assertThat(switchTo(server.address())).isFalse();
    assertThat(onLoop(() -> algo.initialize(Map.of("cash", 1))))
        .succeedsWithin(LIMIT)
        .isEqualTo(new Answer.Channels(List.of("quotes")));
  }

  @Test
  void malformedAddress_isRefusedAndTheOldOneKept() {
    switchTo(server.address());

    assertThatThrownBy(() -> switchTo("nowhere")).isInstanceOf(RpcException.class);
    assertThat(algo.address()).isEqualTo(server.address());
  }

  private boolean switchTo(String address) {
    return loop.call(() -> algo.switchTo(address), LIMIT);
  }

  private CompletableFuture<Answer> onLoop(
      java.util.function.Supplier<CompletableFuture<Answer>> call) {
    return loop.call(call, LIMIT);
  }

  private static RpcService algorithm() {
    return RpcService.builder("switch-algo")
        .method("initialize", List.of("params"), "Starts a run.", args -> List.of("quotes"))
        .method("event", List.of("message"), "Places no order.", args -> null)
        .build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
