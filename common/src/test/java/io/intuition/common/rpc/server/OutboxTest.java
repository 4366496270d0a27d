package io.intuition.common.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The outbox over a real ROUTER that, as the server's, says when a peer's queue is full. */
class OutboxTest {
  private static final String ADDRESS = "inproc://outbox-test";
  private static final byte[] PEER = "peer".getBytes(StandardCharsets.UTF_8);

  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
  private final ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
  private final Outbox outbox = new Outbox(router);

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void flush_peerGoneWithRepliesWaiting_dropsThemAndWaitsForNothing() {
    connectPeerThatReadsNothing();
    for (int i = 0; i < 10; i++) {
      outbox.send(new byte[][] {PEER}, ("reply " + i).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(outbox.isWaiting()).as("replies waiting for room").isTrue();

    dealer.close();

    await("the outbox letting go of the gone peer's replies")
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              // reading, as the server's loop does, is how ZeroMQ learns the peer has gone
              assertThat(router.recv(ZMQ.DONTWAIT)).isNull();
              outbox.flush();
              return !outbox.isWaiting();
            });
  }

  /** A peer the router knows, with room for one reply, which it never reads. */
  private void connectPeerThatReadsNothing() {
    router.setRouterMandatory(true);
    router.setSndHWM(1);
    router.bind(ADDRESS);
    dealer.setIdentity(PEER);
    dealer.setRcvHWM(1);
    dealer.connect(ADDRESS);
    dealer.send("hello");
    assertThat(router.recv()).isEqualTo(PEER);
    assertThat(router.recvStr()).isEqualTo("hello");
  }
}
