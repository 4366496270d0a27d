package io.intuition.bench.step;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MessageIds;
import io.intuition.launcher.process.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A client that sends 200,000 {@code event} requests of about 270 bytes and never reads a reply: a
 * raw DEALER taking 10 messages in at most, and queueing every request it sends. The algo should
 * drop the replies it cannot deliver rather than hold them all.
 */
final class UnreadReplies implements HostileCase {
  private static final int REQUESTS = 200_000;
  private static final String DROPPED = "does not read its replies";
  private static final Duration LOG_LIMIT = Duration.ofSeconds(60);

  private final ZContext context = new ZContext(1);

  @Override
  public String name() {
    return "200,000 requests, replies unread";
  }

  @Override
  public String id() {
    return "unread";
  }

  @Override
  public void send(String address) {
    Map<String, Object> quote = Map.of("sid", "GOOG", "quote", 345.1, "pad", "x".repeat(200));
    byte[] request =
        new EventCodec().encode(Event.request(new MessageIds().next(), "event", List.of(quote)));
    ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
    dealer.setRcvHWM(10);
    dealer.setSndHWM(0);
    dealer.connect(address);
    for (int i = 0; i < REQUESTS; i++) {
      dealer.sendMore(new byte[0]);
      dealer.send(request); // the same bytes each time: nothing changes a frame once sent
    }
  }

  @Override
  public Outcome outcome(ServiceProcess algo) throws InterruptedException {
    return algo.awaitOutput(DROPPED, LOG_LIMIT)
        ? new Outcome(true, "the algo dropped the replies it could not deliver")
        : new Outcome(false, "no reply dropped within " + LOG_LIMIT.toSeconds() + " s");
  }

  @Override
  public void close() {
    context.close();
  }
}
