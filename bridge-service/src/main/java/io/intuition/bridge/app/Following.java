package io.intuition.bridge.app;

import io.intuition.bridge.rpc.SwitchableRpcAlgo;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.zmq.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the bridge's algo at each address its announcements give, on the event loop that owns the
 * RPC sockets, and starts forwarding once the first address is known: until then the forwarder
 * holds what arrives and calls nothing.
 */
final class Following implements Consumer<String> {
  private static final Logger log = LoggerFactory.getLogger(Following.class);

  private final EventLoop loop;
  private final SwitchableRpcAlgo algo;
  private final Runnable start;

  /** Switches {@code algo} on {@code loop}, then runs {@code start} there (it may run again). */
  Following(EventLoop loop, SwitchableRpcAlgo algo, Runnable start) {
    this.loop = loop;
    this.algo = algo;
    this.start = start;
  }

  /** Switches to {@code address}; any thread, never blocks or throws. */
  @Override
  public void accept(String address) {
    try {
      loop.execute(() -> switchTo(address));
    } catch (RejectedExecutionException e) {
      // the bridge is closing: nothing to call any more
    }
  }

  private void switchTo(String address) {
    try {
      algo.switchTo(address);
    } catch (RpcException e) {
      log.warn(
          "cannot call the algo at {} ({}); still calling {}",
          address,
          e.getMessage(),
          algo.address());
      return;
    }
    start.run();
  }
}
