package io.intuition.bench.step;

import io.intuition.launcher.process.ServiceProcess;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One 100 MiB frame to the algo's RPC port through a raw DEALER (the empty delimiter frame, then
 * the payload): far past {@code --max-message}, it should drop the connection unread.
 */
final class BigFrame implements HostileCase {
  private static final int BYTES = 100 * 1024 * 1024;
  private static final int REPLY_WAIT_MS = 500;

  private final ZContext context = new ZContext(1);
  private ZMQ.Socket dealer;

  @Override
  public String name() {
    return "one 100 MiB frame";
  }

  @Override
  public String id() {
    return "frame";
  }

  @Override
  public void send(String address) {
    dealer = context.createSocket(SocketType.DEALER);
    dealer.connect(address);
    dealer.sendMore(new byte[0]);
    dealer.send(new byte[BYTES]);
  }

  @Override
  public Outcome outcome(ServiceProcess algo) {
    dealer.setReceiveTimeOut(REPLY_WAIT_MS);
    byte[] reply = dealer.recv();
    return reply == null
        ? new Outcome(true, "no reply: the connection was dropped unread")
        : new Outcome(false, "replied with " + reply.length + " bytes");
  }

  @Override
  public void close() {
    context.close();
  }
}
