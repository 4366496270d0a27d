package io.intuition.common.rpc.server;

import io.intuition.common.codec.Protocol;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.RpcService;
import io.intuition.common.rpc.curve.ServerCredentials;
import io.intuition.common.zmq.EventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Serves an {@link RpcService} to zerorpc clients on a bound ROUTER socket.
 *
 * <p>An event loop owns the socket and answers the {@code _zerorpc_*} built-ins at once. The
 * service's own methods run, one at a time and in arrival order, on a single worker thread, or with
 * {@link Builder#directExecutor()} on the loop itself, which saves two thread hand-offs per call
 * for methods that take microseconds; either way a service needs no locks. Calls that wait or run
 * longer than a heartbeat interval are heartbeated. Any failure of a request becomes an {@code ERR}
 * reply; none stops the server.
 *
 * <p>What one peer can make the server hold is bounded: frames over {@link Builder#maxMessageBytes}
 * drop the peer's connection unread, ZeroMQ queues a bounded number of frames per peer each way,
 * calls waiting for the worker are bounded, and replies to a peer that does not read them are
 * dropped once they pass a budget.
 */
public final class RpcServer implements AutoCloseable {
  /** Frames larger than this drop their connection unread, by default. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

  /** Calls that may wait for the worker at once, by default. */
  public static final int DEFAULT_MAX_QUEUED_CALLS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(RpcServer.class);

  /** How long a running method may finish when the server stops; all of close() takes < 1.5 s. */
  private static final Duration STOP_GRACE = Duration.ofMillis(800);

  private static final Duration SETUP_LIMIT = Duration.ofSeconds(10);

  private final ZContext context;
  private final EventLoop loop;
  private final ExecutorService worker;
  private final ServerSocket socket;
  private final String address;
  private final CurveGuard curve;

  private RpcServer(Builder builder) {
    this.context = new ZContext(1);
    // the ZAP handler runs before the socket binds: without it every CURVE client would get in
    this.curve = builder.curve == null ? null : CurveGuard.start(context, builder.curve);
    this.loop = EventLoop.start("rpc-server");
    this.worker =
        builder.direct
            ? null
            : Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "rpc-worker"));
    try {
      ZMQ.Socket router =
          onLoop(
              () ->
                  RouterBinding.bind(
                      context, builder.address, builder.maxMessageBytes, this::secure));
      this.address = router.getLastEndpoint();
      this.socket = onLoop(() -> new ServerSocket(loop, router, builder, worker));
    } catch (RuntimeException e) {
      shutDown();
      throw e;
    }
    log.debug("serving {} on {}", builder.service.name(), address);
  }

  private void secure(ZMQ.Socket router) {
    if (curve != null) {
      curve.secure(context, loop, router);
    }
  }

  /** Starts describing a server of {@code service} bound to {@code address}. */
  public static Builder builder(RpcService service, String address) {
    return new Builder(service, address);
  }

  /**
   * Binds {@code address} and starts serving, methods on a worker thread.
   *
   * @param address a ZeroMQ endpoint, such as {@code tcp://127.0.0.1:4242}; port {@code *} picks a
   *     free port, see {@link #address()}
   * @throws RpcException if the address is malformed or cannot be bound, naming the address and why
   */
  public static RpcServer start(RpcService service, String address) {
    return builder(service, address).start();
  }

  /** Like {@link #start(RpcService, String)} with another heartbeat interval, for tests. */
  public static RpcServer start(RpcService service, String address, long heartbeatIntervalMs) {
    return builder(service, address).heartbeatInterval(heartbeatIntervalMs).start();
  }

  /**
   * Runs {@code hook} on the server's loop once in every round, after the requests it read were
   * handled and before it waits again: for work done once for a batch of calls, such as writing a
   * state file once for all the calls of a round and then completing the replies their methods
   * returned as {@link java.util.concurrent.CompletionStage}s. With {@link
   * Builder#directExecutor()} the hook and the methods share the loop's thread.
   */
  public void eachRound(Runnable hook) {
    onLoop(
        () -> {
          loop.eachRound(hook);
          return null;
        });
  }

  /**
   * Whether the server's loop runs a no-op within {@code limit}: false when closed or stuck (in a
   * method that does not return under {@link Builder#directExecutor()}). Any thread; blocks.
   */
  public boolean ping(Duration limit) {
    try {
      return call(() -> Boolean.TRUE, limit);
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /**
   * Runs {@code action} on the server's loop, where the methods run under {@link
   * Builder#directExecutor()}, and returns its result: to read their state from another thread.
   *
   * @throws IllegalStateException if the loop is closed or did not run it within {@code limit}
   */
  public <T> T call(Supplier<T> action, Duration limit) {
    return loop.call(action, limit);
  }

  /** The bound endpoint, with the port resolved, such as {@code tcp://127.0.0.1:4242}. */
  public String address() {
    return address;
  }

  /**
   * Stops taking requests, lets the running method finish for a short grace period, sends the
   * replies that are ready and closes the socket.
   */
  @Override
  public void close() {
    if (worker != null) {
      worker.shutdown();
      try {
        if (!worker.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          worker.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      onLoop(
          () -> {
            socket.close();
            if (curve != null) {
              curve.stopWatching();
            }
            return null;
          });
    } catch (RpcException e) {
      log.debug("closing: {}", e.getMessage());
    }
    shutDown();
  }

  private void shutDown() {
    if (worker != null) {
      worker.shutdownNow();
    }
    loop.close();
    if (curve != null) {
      curve.close();
    }
    context.close();
  }

  private <T> T onLoop(Supplier<T> action) {
    try {
      return loop.call(action, SETUP_LIMIT);
    } catch (IllegalStateException e) {
      throw new RpcException("the server's event loop is not running");
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Describes a server: its service, address, limits and where its methods run. */
  public static final class Builder {
    private final RpcService service;
    private final String address;
    private long heartbeatMs = Protocol.HEARTBEAT_INTERVAL_MS;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private int maxQueuedCalls = DEFAULT_MAX_QUEUED_CALLS;
    private boolean direct;
    private ServerCredentials curve;

    private Builder(RpcService service, String address) {
      this.service = Objects.requireNonNull(service, "service");
      this.address = Objects.requireNonNull(address, "address");
    }

    /** How often open calls are heartbeated; the protocol's 5 s unless a test needs less. */
    public Builder heartbeatInterval(long millis) {
      this.heartbeatMs = millis;
      return this;
    }

    /**
     * Frames larger than this drop their connection unread, and replies larger than this become an
     * {@code ERR ReplyTooLarge}; 1 MiB by default.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxMessageBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("max message must be positive, but was " + bytes);
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    /**
     * How many calls may wait for the worker at once (1,000 by default); past that the socket is
     * not read until one finishes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxQueuedCalls(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("max queued calls must be positive, but was " + calls);
      }
      this.maxQueuedCalls = calls;
      return this;
    }

    /**
     * Runs the service's methods on the server's event loop instead of a worker: no hand-off, for
     * methods that return in microseconds. A slow method then delays every other call, built-ins
     * and heartbeats included.
     */
    public Builder directExecutor() {
      this.direct = true;
      return this;
    }

    /**
     * Encrypts and authenticates the link with CURVE: only clients whose public key is among the
     * credentials' client keys, and who know the server's public key, get an answer; the others are
     * dropped during the handshake and logged, rate-limited. {@code null}, the default, serves
     * every client in the clear.
     */
    public Builder curve(ServerCredentials credentials) {
      this.curve = credentials;
      return this;
    }

    /**
     * Binds the address and starts serving.
     *
     * @throws RpcException if the address is malformed or cannot be bound, naming the address and
     *     why
     */
    public RpcServer start() {
      return new RpcServer(this);
    }

    RpcService service() {
      return service;
    }

    long heartbeatMs() {
      return heartbeatMs;
    }

    int maxMessageBytes() {
      return maxMessageBytes;
    }

    int maxQueuedCalls() {
      return maxQueuedCalls;
    }
  }
}
