package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Long calls, at the real 5-second heartbeat interval: these take tens of seconds. */
class RpcHeartbeatIT {
  private final EventCodec codec = new EventCodec();
  private final MessageIds ids = new MessageIds();

  @Test
  void server_twelveSecondCall_heartbeatsTwiceThenReplies() {
    try (RpcServer server = RpcServer.start(new TestService().build(), "tcp://127.0.0.1:*");
        ZContext context = new ZContext()) {
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.connect(server.address());
      MessageId request = ids.next();
      send(dealer, Event.request(request, "work", List.of(12)));

      List<String> names = new ArrayList<>();
      dealer.setReceiveTimeOut(20_000);
      Event event;
      do {
        event = receive(dealer);
        assertThat(event.responseTo()).isEqualTo(request);
        names.add(event.name());
      } while (!event.name().equals("OK"));

      assertThat(names).containsExactly("_zpc_hb", "_zpc_hb", "OK");
      assertThat(event.args()).isEqualTo(List.of(12.0));
    }
  }

  @Test
  void client_twelveSecondCall_succeeds() {
    try (RpcServer server = RpcServer.start(new TestService().build(), "tcp://127.0.0.1:*");
        RpcClient client = RpcClient.connect(server.address())) {
      assertThat(client.invoke("work", 12)).isEqualTo(12.0);
    }
  }

  @Test
  void client_longCall_heartbeatsTheServerEveryInterval() {
    try (ZContext context = new ZContext()) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      router.bind("tcp://127.0.0.1:*");
      try (RpcClient client = RpcClient.connect(router.getLastEndpoint(), Duration.ofSeconds(30))) {
        client.call("silent");
        router.setReceiveTimeOut(8_000);

        Event request = receive(router);
        Event heartbeat = receive(router);

        assertThat(request.name()).isEqualTo("silent");
        assertThat(heartbeat.name()).isEqualTo("_zpc_hb");
        assertThat(heartbeat.responseTo()).isEqualTo(request.id());
        assertThat(heartbeat.args()).isEqualTo(List.of(0));
      }
    }
  }

  @Test
  void client_serverGoesSilent_failsWithLostRemoteBeforeTheTimeout() {
    try (ZContext context = new ZContext()) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      router.bind("tcp://127.0.0.1:*");
      try (RpcClient client =
          RpcClient.connect(router.getLastEndpoint(), Duration.ofSeconds(60), 1_000)) {
        assertThatThrownBy(() -> client.invoke("silent"))
            .isInstanceOf(RpcTimeoutException.class)
            .hasMessageContaining("lost remote");
      }
    }
  }

  private void send(ZMQ.Socket dealer, Event event) {
    dealer.sendMore(new byte[0]);
    dealer.send(codec.encode(event));
  }

  private Event receive(ZMQ.Socket socket) {
    byte[] frame = socket.recv();
    assertThat(frame).as("an event within the receive timeout").isNotNull();
    while (socket.hasReceiveMore()) {
      frame = socket.recv();
    }
    return codec.decode(frame);
  }
}
