package io.intuition.bridge.rpc;

import io.intuition.bridge.forward.Algo;
import io.intuition.bridge.forward.Answer;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.client.RpcClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The algorithm at an address that may change: an {@link RpcAlgo} for the current address, replaced
 * by one for the new address when the algorithm moves. A call still open at the old address when it
 * moves completes as {@link Answer.Moved}, for the forwarder to send it again, to the new address.
 *
 * <p>{@link #switchTo} runs on the event loop that owns the clients' sockets, as the calls do (the
 * forwarder's thread is that loop), so no call can slip between the switch and the closing of the
 * old client.
 */
public final class SwitchableRpcAlgo implements Algo, AutoCloseable {
  /** What {@link #address()} says before the first address is known. */
  static final String NOWHERE = "(no address yet)";

  private final Function<String, RpcClient> connect;
  private final Duration timeout;
  private volatile RpcAlgo current;

  /**
   * An algorithm with no address yet, reached through the clients {@code connect} makes for each
   * address, each call waiting up to {@code timeout}.
   */
  public SwitchableRpcAlgo(Function<String, RpcClient> connect, Duration timeout) {
    this.connect = connect;
    this.timeout = timeout;
  }

  /**
   * Calls the algorithm at {@code address} from now on, unless it is there already; the client of
   * the old address is closed, failing its open calls as {@link Answer.Moved}. Loop thread.
   *
   * @return whether the address changed
   * @throws RpcException if {@code address} is malformed; the old address stays in use
   */
  public boolean switchTo(String address) {
    RpcAlgo old = current;
    if (old != null && old.address().equals(address)) {
      return false;
    }
    current = new RpcAlgo(connect.apply(address), timeout);
    if (old != null) {
      old.client().close();
    }
    return true;
  }

  @Override
  public CompletableFuture<Answer> initialize(Map<String, Object> params) {
    RpcAlgo used = current;
    if (used == null) {
      return CompletableFuture.completedFuture(new Answer.Unavailable(NOWHERE));
    }
    return used.initialize(params).thenApply(answer -> movedUnlessAnswered(used, answer));
  }

  @Override
  public CompletableFuture<Answer> event(byte[] payload) {
    RpcAlgo used = current;
    if (used == null) {
      return CompletableFuture.completedFuture(new Answer.Unavailable(NOWHERE));
    }
    return used.event(payload).thenApply(answer -> movedUnlessAnswered(used, answer));
  }

  @Override
  public CompletableFuture<String> ping() {
    RpcAlgo used = current;
    return used == null ? CompletableFuture.completedFuture(NOWHERE) : used.ping();
  }

  @Override
  public String address() {
    RpcAlgo used = current;
    return used == null ? NOWHERE : used.address();
  }

  /** Closes the client of the current address, failing its open calls; once nothing calls. */
  @Override
  public void close() {
    RpcAlgo used = current;
    current = null;
    if (used != null) {
      used.client().close();
    }
  }

  /** An unanswered call of a client replaced since is the new address's to answer. */
  private Answer movedUnlessAnswered(RpcAlgo used, Answer answer) {
    RpcAlgo now = current;
    if (answer instanceof Answer.Unavailable && now != null && now != used) {
      return new Answer.Moved(now.address());
    }
    return answer;
  }
}
