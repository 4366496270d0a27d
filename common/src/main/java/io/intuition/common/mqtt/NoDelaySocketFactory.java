package io.intuition.common.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} and buffered input: Paho never sets the option, and
 * Nagle's algorithm then holds each small PUBACK and PUBLISH back for up to 40 ms.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  /** Sockets with {@code TCP_NODELAY} for {@code url}: TLS ones for {@code mqtts://}. */
  public static SocketFactory forUrl(MqttUrl url) {
    return url.tls()
        ? new NoDelaySslSocketFactory((SSLSocketFactory) SSLSocketFactory.getDefault())
        : new NoDelaySocketFactory();
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new BufferedSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new BufferedSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(new BufferedSocket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new BufferedSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(new BufferedSocket(host, port, local, localPort));
  }

  public static <S extends Socket> S noDelay(S socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
