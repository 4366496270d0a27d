package io.intuition.common.rpc.server;

import io.intuition.common.codec.MessageIds;
import io.intuition.common.codec.Protocol;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.RpcService;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Serves an {@link RpcService} to zerorpc clients on a bound ROUTER socket.
 *
 * <p>One I/O thread owns the socket and answers the {@code _zerorpc_*} built-ins at once; the
 * service's own methods run on a single worker thread, one at a time, in arrival order, so a
 * service needs no locks. Calls that wait or run longer than a heartbeat interval are heartbeated.
 * Any failure of a request becomes an {@code ERR} reply; none stops the server.
 */
public final class RpcServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RpcServer.class);

  /** How long a running method may finish when the server stops; all of close() takes < 1.5 s. */
  private static final Duration STOP_GRACE = Duration.ofMillis(800);

  private static final Duration LOOP_EXIT = Duration.ofMillis(300);
  private static final int LINGER_MS = 200;

  private final ZContext context;
  private final ExecutorService worker;
  private final ServerLoop loop;
  private final Thread thread;
  private final String address;

  private RpcServer(ZContext context, ZMQ.Socket socket, RpcService service, long heartbeatMs) {
    this.context = context;
    this.address = socket.getLastEndpoint();
    this.worker = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "rpc-worker"));
    MessageIds ids = new MessageIds();
    this.loop =
        new ServerLoop(context, socket, worker, new Dispatcher(service, ids), ids, heartbeatMs);
    this.thread = daemon(loop, "rpc-server");
  }

  /**
   * Binds {@code address} and starts serving.
   *
   * @param address a ZeroMQ endpoint, such as {@code tcp://127.0.0.1:4242}; port {@code *} picks a
   *     free port, see {@link #address()}
   * @throws RpcException if the address is malformed or cannot be bound, naming the address and why
   */
  public static RpcServer start(RpcService service, String address) {
    return start(service, address, Protocol.HEARTBEAT_INTERVAL_MS);
  }

  /** Like {@link #start(RpcService, String)} with another heartbeat interval, for tests. */
  public static RpcServer start(RpcService service, String address, long heartbeatIntervalMs) {
    ZContext context = new ZContext(1);
    try {
      ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
      socket.setLinger(LINGER_MS);
      // A ROUTER drops what it cannot queue: replies must never be dropped, and they are bounded by
      // the requests received, which the receive limit bounds.
      socket.setSndHWM(0);
      bind(socket, address);
      RpcServer server = new RpcServer(context, socket, service, heartbeatIntervalMs);
      server.thread.start();
      log.debug("serving {} on {}", service.name(), server.address);
      return server;
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  private static void bind(ZMQ.Socket socket, String address) {
    try {
      if (!socket.bind(address)) {
        throw new RpcException("cannot bind " + address);
      }
    } catch (ZMQException e) {
      throw new RpcException("cannot bind " + address + ": " + reason(e));
    } catch (IllegalArgumentException e) {
      throw new RpcException(
          "cannot bind " + address + ": malformed address (" + e.getMessage() + ")");
    }
  }

  private static String reason(ZMQException e) {
    return switch (ZMQ.Error.findByCode(e.getErrorCode())) {
      case EADDRINUSE -> "address already in use";
      case EADDRNOTAVAIL -> "address not available on this host";
      case EPROTONOSUPPORT -> "unsupported transport (use tcp://, ipc:// or inproc://)";
      case EINVAL -> "malformed address";
      case EACCESS -> "permission denied";
      default -> ZMQ.Error.findByCode(e.getErrorCode()).getMessage();
    };
  }

  /** The bound endpoint, with the port resolved, such as {@code tcp://127.0.0.1:4242}. */
  public String address() {
    return address;
  }

  /** Blocks until the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    thread.join();
  }

  /**
   * Stops taking requests, lets the running method finish for a short grace period, sends the
   * replies that are ready and closes the socket.
   */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
      loop.stop();
      thread.join(LOOP_EXIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      context.close();
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
