package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class RpcRestartTest {
  private final RpcService service = new TestService().build();

  @Test
  void client_serverRestartsOnSamePort_callsSucceedAgain() {
    RpcServer first = RpcServer.start(service, "tcp://127.0.0.1:*");
    String address = first.address();
    try (RpcClient client = RpcClient.connect(address, Duration.ofSeconds(10))) {
      assertThat(client.invoke("add", 1, 2)).isEqualTo(3.0);

      first.close();
      assertThatThrownBy(() -> client.call(Duration.ofMillis(500), "add", List.of(1, 1)).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(RpcTimeoutException.class);

      try (RpcServer second = RpcServer.start(service, address)) {
        assertThat(second.address()).isEqualTo(address);
        assertThat(client.invoke("add", 2, 2)).isEqualTo(4.0);
      }
    }
  }

  @Test
  void call_whileServerDown_isNotRunLaterWhenItComesBack() {
    RpcServer first = RpcServer.start(service, "tcp://127.0.0.1:*");
    String address = first.address();
    first.close();
    try (RpcClient client = RpcClient.connect(address, Duration.ofSeconds(10))) {
      CompletableFuture<Object> early =
          client.call(Duration.ofMillis(300), "echo", List.of("early"));
      assertThatThrownBy(early::join)
          .hasCauseInstanceOf(RpcTimeoutException.class)
          .hasMessageContaining("not connected");

      try (RpcServer second = RpcServer.start(service, address)) {
        assertThat(second.address()).isEqualTo(address);
        assertThat(client.invoke("echo", "late")).isEqualTo("late");
      }
    }
  }

  @Test
  void call_serverGoesAwayMidCall_failsAtOnceAsConnectionLost() {
    ZContext context = new ZContext();
    ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
    router.bind("tcp://127.0.0.1:*");
    try (RpcClient client = RpcClient.connect(router.getLastEndpoint(), Duration.ofSeconds(60))) {
      CompletableFuture<Object> call = client.call("never-answered");
      router.setReceiveTimeOut(5_000);
      assertThat(router.recv()).as("the request reached the server").isNotNull();

      context.close();

      assertThatThrownBy(() -> call.orTimeout(10, TimeUnit.SECONDS).join())
          .hasCauseInstanceOf(RpcTimeoutException.class)
          .hasMessageContaining("connection to the server lost");
    }
  }

  @Test
  void call_serverNeverStarted_timesOutNamingTheCause() {
    try (RpcClient client = RpcClient.connect("tcp://127.0.0.1:1", Duration.ofMillis(300))) {
      assertThatThrownBy(() -> client.invoke("add", 1, 1))
          .isInstanceOf(RpcTimeoutException.class)
          .hasMessage("add timed out after 300 ms (not connected to the server)");
    }
  }

  @Test
  void connect_malformedAddress_namesIt() {
    assertThatThrownBy(() -> RpcClient.connect("nonsense"))
        .isInstanceOf(RpcException.class)
        .hasMessageStartingWith("cannot connect to nonsense");
  }

  @Test
  void start_addressInUse_namesAddressAndReason() {
    try (RpcServer server = RpcServer.start(service, "tcp://127.0.0.1:*")) {
      assertThatThrownBy(() -> RpcServer.start(service, server.address()))
          .isInstanceOf(RpcException.class)
          .hasMessage("cannot bind " + server.address() + ": address already in use");
    }
  }
}
