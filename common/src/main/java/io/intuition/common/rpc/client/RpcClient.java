package io.intuition.common.rpc.client;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.codec.Protocol;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.UnsendableCallException;
import io.intuition.common.zmq.ConnectionWatch;
import io.intuition.common.zmq.Mailbox;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Calls a zerorpc server over one DEALER connection, with many calls outstanding at once.
 *
 * <p>Thread-safe: any thread may call. Each call completes with the server's result, a {@link
 * io.intuition.common.rpc.RemoteException} for an {@code ERR} reply, or a {@link
 * io.intuition.common.rpc.RpcTimeoutException} when no reply comes in time or the server stops
 * heartbeating a long call. Requests are sent only over a live connection, so a call made while the
 * server is down waits for it until its timeout and is not delivered late. The connection comes
 * back by itself when the server restarts.
 *
 * <p>Futures complete on the client's I/O thread: dependent actions that may block belong on
 * another executor ({@code thenApplyAsync} and friends).
 */
public final class RpcClient implements AutoCloseable {
  /** The timeout of zerorpc's own clients. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final ZContext context;
  private final ClientLoop loop;
  private final Thread thread;
  private final Mailbox<Call> inbox = new Mailbox<>();
  private final EventCodec codec = new EventCodec();
  private final MessageIds ids = new MessageIds();
  private final Duration timeout;
  private final String address;

  private RpcClient(String address, Duration timeout, long heartbeatMs) {
    this.address = address;
    this.timeout = timeout;
    this.context = new ZContext(1);
    try {
      ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
      socket.setImmediate(true);
      socket.setLinger(0);
      socket.setReconnectIVL(100);
      socket.setReconnectIVLMax(1_000);
      ConnectionWatch connection = new ConnectionWatch(context, socket);
      socket.connect(address);
      this.loop = new ClientLoop(context, socket, connection, inbox, codec, ids, heartbeatMs);
    } catch (ZMQException | IllegalArgumentException e) {
      context.close();
      throw new RpcException("cannot connect to " + address + ": " + e.getMessage());
    }
    this.thread = new Thread(loop, "rpc-client");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A client of the server at {@code address}, with the default timeout of 30 s.
   *
   * @throws RpcException if the address is malformed
   */
  public static RpcClient connect(String address) {
    return connect(address, DEFAULT_TIMEOUT);
  }

  /**
   * A client of the server at {@code address} whose calls time out after {@code timeout}.
   *
   * @throws RpcException if the address is malformed
   */
  public static RpcClient connect(String address, Duration timeout) {
    return new RpcClient(address, timeout, Protocol.HEARTBEAT_INTERVAL_MS);
  }

  /** Like {@link #connect(String, Duration)} with another heartbeat interval, for tests. */
  public static RpcClient connect(String address, Duration timeout, long heartbeatIntervalMs) {
    return new RpcClient(address, timeout, heartbeatIntervalMs);
  }

  /** The server address this client connects to. */
  public String address() {
    return address;
  }

  /** Calls {@code method} with positional {@code args}, with the client's timeout. */
  public CompletableFuture<Object> call(String method, Object... args) {
    return call(timeout, method, Arrays.asList(args));
  }

  /**
   * Calls {@code method} with positional {@code args}, failing after {@code callTimeout}.
   *
   * @return the future result; see the class documentation for how it fails, and an {@link
   *     UnsendableCallException} at once for arguments msgpack cannot carry
   */
  public CompletableFuture<Object> call(Duration callTimeout, String method, List<?> args) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    MessageId id = ids.next();
    byte[] request;
    try {
      request = codec.encode(Event.request(id, method, args));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new UnsendableCallException(method + ": " + e.getMessage()));
    }
    long deadline = System.nanoTime() + callTimeout.toNanos();
    inbox.post(new Call(id, method, callTimeout, request, result, deadline));
    return result;
  }

  /**
   * Calls {@code method} and waits for its result.
   *
   * @throws io.intuition.common.rpc.RemoteException if the server replied {@code ERR}
   * @throws io.intuition.common.rpc.RpcTimeoutException if no reply came in time
   * @throws RpcException if the client was closed or interrupted
   */
  public Object invoke(String method, Object... args) {
    try {
      return call(method, args).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RpcException cause) {
        throw cause;
      }
      throw new RpcException(method + " failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException(method + " was interrupted");
    }
  }

  /** Fails the calls still open and closes the connection. */
  @Override
  public void close() {
    loop.stop();
    inbox.wakeUp();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      context.close();
    }
  }
}
