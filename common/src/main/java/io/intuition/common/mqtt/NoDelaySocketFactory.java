package io.intuition.common.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} and buffered input: Paho never sets the option, and
 * Nagle's algorithm then holds each small PUBACK and PUBLISH back for up to 40 ms.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  /**
   * Sockets with {@code TCP_NODELAY} for {@code settings}: for {@code mqtts://}, TLS ones that
   * trust and show what its {@link MqttTls} says.
   */
  public static SocketFactory forSettings(MqttSettings settings) {
    return settings.url().tls()
        ? new NoDelaySslSocketFactory(settings.tls().socketFactory())
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
