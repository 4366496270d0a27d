package io.intuition.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy for tests: listens on a free loopback port and forwards every connection to a target,
 * so a test can put itself on the network path between two real processes. {@link #cut()} breaks
 * the path as a failing network would: it resets every connection, and drops each new one
 * (accepted, then reset at once) until {@link #restore()}. A connection the target refuses is
 * dropped too.
 *
 * <p>Thread-safe. Each connection takes two daemon threads, one per direction.
 */
public final class TcpProxy implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InetSocketAddress target;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(TcpProxy::daemon);
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();
  private boolean cut; // guarded by this

  private TcpProxy(InetSocketAddress target, ServerSocket server) {
    this.target = target;
    this.server = server;
  }

  /**
   * Starts a proxy to {@code host:port} on a free loopback port.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static TcpProxy start(String host, int port) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), server);
      proxy.threads.execute(proxy::acceptLoop);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for a proxy to " + host + ":" + port, e);
    }
  }

  /** The port the proxy listens on, on loopback. */
  public int port() {
    return server.getLocalPort();
  }

  /** Resets every connection, and drops new ones until {@link #restore()}. */
  public synchronized void cut() {
    cut = true;
    List.copyOf(links).forEach(Link::reset);
  }

  /** Forwards new connections again; those reset by {@link #cut()} stay gone. */
  public synchronized void restore() {
    cut = false;
  }

  /** How many connections were dropped so far: made while cut, or refused by the target. */
  public long dropped() {
    return dropped.get();
  }

  /** How many connections are open through the proxy now. */
  public int connections() {
    return links.size();
  }

  /** Stops listening and resets every connection. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    List.copyOf(links).forEach(Link::reset);
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "proxy 127.0.0.1:" + port() + " -> " + target;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        admit(server.accept());
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void admit(Socket client) {
    Link link = new Link(client);
    synchronized (this) {
      if (cut) {
        drop(link);
        return;
      }
      links.add(link);
    }
    try {
      threads.execute(link::forward);
    } catch (RejectedExecutionException e) {
      link.reset(); // closed meanwhile
    }
  }

  private void drop(Link link) {
    dropped.incrementAndGet();
    link.reset();
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "tcp-proxy");
    thread.setDaemon(true);
    return thread;
  }

  /** One connection through the proxy: the client's socket and the one to the target. */
  private final class Link {
    private final Socket client;
    private final Socket upstream = new Socket();
    private final AtomicInteger directions = new AtomicInteger(2);

    Link(Socket client) {
      this.client = client;
    }

    /** Connects to the target, then copies both ways until both ends are done. */
    void forward() {
      try {
        upstream.connect(target, CONNECT_TIMEOUT_MS);
        threads.execute(() -> copy(upstream, client));
      } catch (IOException | RejectedExecutionException e) {
        drop(this);
        return;
      }
      copy(client, upstream);
    }

    /** Copies one way; the end of the stream is passed on, a broken side breaks both. */
    private void copy(Socket from, Socket to) {
      byte[] buffer = new byte[BUFFER_BYTES];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
        }
        to.shutdownOutput();
        if (directions.decrementAndGet() == 0) {
          close();
        }
      } catch (IOException e) {
        reset();
      }
    }

    /** Closes both sockets at once, discarding what is unsent, as a broken network would. */
    void reset() {
      for (Socket socket : List.of(client, upstream)) {
        try {
          socket.setSoLinger(true, 0);
        } catch (IOException e) {
          // closed already
        }
      }
      close();
    }

    private void close() {
      links.remove(this);
      for (Socket socket : List.of(client, upstream)) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }
}
