package io.intuition.common.rpc.client;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.codec.Packed;
import io.intuition.common.codec.Protocol;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.UnsendableCallException;
import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.common.zmq.ConnectionWatch;
import io.intuition.common.zmq.EventLoop;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * <p>The socket belongs to an {@link EventLoop}, the client's own or one given to the {@link
 * Builder}; futures complete on that loop's thread, so dependent actions must not block it. A call
 * made on the loop's thread is sent at once, without a hand-off.
 */
public final class RpcClient implements AutoCloseable {
  /** The timeout of zerorpc's own clients. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Replies larger than this drop the connection unread, by default. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final Duration SETUP_LIMIT = Duration.ofSeconds(10);
  private static final int REQUEST_QUEUE = 20_000;

  private final ZContext context;
  private final EventLoop loop;
  private final boolean ownLoop;
  private final ClientSocket socket;
  private final EventCodec codec = new EventCodec();
  private final MessageIds ids = new MessageIds();
  private final Duration timeout;
  private final String address;

  private RpcClient(Builder builder, EventLoop loop, boolean ownLoop) {
    this.address = builder.address;
    this.timeout = builder.timeout;
    this.loop = loop;
    this.ownLoop = ownLoop;
    this.context = new ZContext(1);
    try {
      this.socket = onLoop(() -> open(builder));
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** Starts describing a client of the server at {@code address}. */
  public static Builder builder(String address) {
    return new Builder(address);
  }

  /**
   * A client of the server at {@code address}, with the default timeout of 30 s.
   *
   * @throws RpcException if the address is malformed
   */
  public static RpcClient connect(String address) {
    return builder(address).build();
  }

  /**
   * A client of the server at {@code address} whose calls time out after {@code timeout}.
   *
   * @throws RpcException if the address is malformed
   */
  public static RpcClient connect(String address, Duration timeout) {
    return builder(address).timeout(timeout).build();
  }

  /** Like {@link #connect(String, Duration)} with another heartbeat interval, for tests. */
  public static RpcClient connect(String address, Duration timeout, long heartbeatIntervalMs) {
    return builder(address).timeout(timeout).heartbeatInterval(heartbeatIntervalMs).build();
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
    return submit(callTimeout, method, args, false);
  }

  /**
   * Calls {@code method} with arguments already encoded, {@code args} being one msgpack array, and
   * completes with the result still encoded: for callers that translate between msgpack and another
   * format without building Java objects in between.
   *
   * @return the future result, failing as {@link #call(Duration, String, List)} does
   */
  public CompletableFuture<Packed> callPacked(Duration callTimeout, String method, Packed args) {
    return submit(callTimeout, method, args, true).thenApply(Packed.class::cast);
  }

  private CompletableFuture<Object> submit(
      Duration callTimeout, String method, Object args, boolean packed) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    MessageId id = ids.next();
    byte[] request;
    try {
      request = codec.encode(new Event(id, null, method, args));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new UnsendableCallException(method + ": " + e.getMessage()));
    }
    Call call = new Call(id, method, callTimeout, request, result, packed);
    if (loop.inLoop()) {
      socket.submit(call);
    } else {
      loop.execute(() -> socket.submit(call));
    }
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

  /** Fails the calls still open and closes the connection, and the client's own loop. */
  @Override
  public void close() {
    try {
      onLoop(
          () -> {
            socket.close("the RPC client is closed");
            return null;
          });
    } catch (RpcException e) {
      // the loop is gone already, and with it every use of the socket
    } finally {
      if (ownLoop) {
        loop.close();
      }
      context.close();
    }
  }

  private ClientSocket open(Builder builder) {
    ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
    try {
      dealer.setImmediate(true);
      dealer.setLinger(0);
      dealer.setReconnectIVL(100);
      dealer.setReconnectIVLMax(1_000);
      dealer.setMaxMsgSize(builder.maxMessageBytes);
      // what the caller has outstanding bounds what waits here; a full queue would hold calls
      // back until a later round
      dealer.setSndHWM(REQUEST_QUEUE);
      if (builder.curve != null) {
        builder.curve.applyTo(dealer);
      }
      ConnectionWatch connection = new ConnectionWatch(context, dealer);
      dealer.connect(builder.address);
      return new ClientSocket(
          loop, dealer, builder.address, connection, codec, ids, builder.heartbeatMs);
    } catch (ZMQException | IllegalArgumentException e) {
      dealer.close();
      throw new RpcException("cannot connect to " + builder.address + ": " + e.getMessage());
    }
  }

  private <T> T onLoop(java.util.function.Supplier<T> action) {
    try {
      return loop.call(action, SETUP_LIMIT);
    } catch (IllegalStateException e) {
      throw new RpcException("the client's event loop is not running");
    }
  }

  /** Describes a client: its server, timeouts, limits and event loop. */
  public static final class Builder {
    private final String address;
    private Duration timeout = DEFAULT_TIMEOUT;
    private long heartbeatMs = Protocol.HEARTBEAT_INTERVAL_MS;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private EventLoop loop;
    private ClientCredentials curve;

    private Builder(String address) {
      this.address = Objects.requireNonNull(address, "address");
    }

    /** How long a call waits for its reply by default (30 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How often long calls are heartbeated; the protocol's 5 s unless a test needs less. */
    public Builder heartbeatInterval(long millis) {
      this.heartbeatMs = millis;
      return this;
    }

    /** Replies larger than this many bytes drop the connection unread. */
    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = bytes;
      return this;
    }

    /** The loop that owns the socket and completes the calls; by default the client's own. */
    public Builder eventLoop(EventLoop loop) {
      this.loop = loop;
      return this;
    }

    /**
     * Encrypts the link with CURVE and authenticates both ends: the server must have the
     * credentials' server key, and allow their public key, or no call is answered. {@code null},
     * the default, calls in the clear.
     */
    public Builder curve(ClientCredentials credentials) {
      this.curve = credentials;
      return this;
    }

    /**
     * The client, connecting in the background.
     *
     * @throws RpcException if the address is malformed
     */
    public RpcClient build() {
      if (loop != null) {
        return new RpcClient(this, loop, false);
      }
      EventLoop own = EventLoop.start("rpc-client");
      try {
        return new RpcClient(this, own, true);
      } catch (RuntimeException e) {
        own.close();
        throw e;
      }
    }
  }
}
