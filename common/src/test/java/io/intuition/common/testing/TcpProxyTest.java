package io.intuition.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real proxy on loopback between real client sockets and an echo server. */
class TcpProxyTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final EchoServer echo = EchoServer.start();
  private final TcpProxy proxy = TcpProxy.start("127.0.0.1", echo.port());
  private final List<Socket> clients = new ArrayList<>();

  @AfterEach
  void close() throws IOException {
    for (Socket client : clients) {
      client.close();
    }
    proxy.close();
    echo.close();
  }

  @Test
  void connection_passesBytesBothWays() throws IOException {
    Socket client = connect();

    assertThat(echoed(client, "hello")).isEqualTo("hello");
    assertThat(echoed(client, "again")).isEqualTo("again");
    assertThat(proxy.connections()).isEqualTo(1);
  }

  @Test
  void cut_breaksOpenConnectionsAtBothEnds() throws IOException {
    Socket client = connect();
    echoed(client, "before");

    proxy.cut();

    assertThat(ended(client)).as("the client's connection ended").isTrue();
    assertThat(proxy.connections()).isZero();
    await("the echo server's side closed").atMost(TIMEOUT).until(() -> echo.open() == 0);
  }

  @Test
  void cut_dropsNewConnectionsWithoutReachingTheTarget() throws IOException {
    proxy.cut();

    Socket client = connect();

    assertThat(ended(client)).as("the new connection ended").isTrue();
    assertThat(proxy.dropped()).isEqualTo(1);
    assertThat(echo.accepted()).isZero();
  }

  @Test
  void restore_letsNewConnectionsThrough() throws IOException {
    proxy.cut();
    proxy.restore();

    Socket client = connect();

    assertThat(echoed(client, "after")).isEqualTo("after");
    assertThat(proxy.dropped()).isZero();
  }

  @Test
  void targetRefusing_dropsTheConnection() throws IOException {
    // port 1: privileged, so no test binds it, and outside the range a closed port could be
    // handed out again from
    try (TcpProxy refused = TcpProxy.start("127.0.0.1", 1)) {
      assertThat(ended(connect(refused))).as("the connection ended").isTrue();
      assertThat(refused.dropped()).isEqualTo(1);
    }
  }

  private Socket connect() throws IOException {
    return connect(proxy);
  }

  private Socket connect(TcpProxy through) throws IOException {
    Socket client = new Socket(InetAddress.getLoopbackAddress(), through.port());
    clients.add(client);
    client.setSoTimeout((int) TIMEOUT.toMillis());
    return client;
  }

  /** Sends {@code text} and reads back as many bytes. */
  private static String echoed(Socket client, String text) throws IOException {
    byte[] sent = text.getBytes(StandardCharsets.UTF_8);
    client.getOutputStream().write(sent);
    byte[] back = client.getInputStream().readNBytes(sent.length);
    return new String(back, StandardCharsets.UTF_8);
  }

  /** Whether the connection ended, by its end of stream or a reset, rather than staying open. */
  private static boolean ended(Socket client) throws IOException {
    try {
      return client.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset
    }
  }

  /** Sends back what each connection sends, counting the connections. */
  private static final class EchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    private EchoServer(ServerSocket server) {
      this.server = server;
    }

    static EchoServer start() {
      try {
        EchoServer echo = new EchoServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        daemon(echo::acceptLoop);
        return echo;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int port() {
      return server.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    int open() {
      return open.get();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }

    private void acceptLoop() {
      try {
        while (true) {
          Socket connection = server.accept();
          accepted.incrementAndGet();
          open.incrementAndGet();
          daemon(() -> echo(connection));
        }
      } catch (IOException e) {
        // closed
      }
    }

    private void echo(Socket connection) {
      try (connection) {
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream();
        in.transferTo(out);
      } catch (IOException e) {
        // reset by the proxy
      } finally {
        open.decrementAndGet();
      }
    }

    private static void daemon(Runnable task) {
      Thread thread = new Thread(task, "echo");
      thread.setDaemon(true);
      thread.start();
    }
  }
}
