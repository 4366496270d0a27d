package io.intuition.common.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A socket whose input is buffered: Paho reads each packet's fixed header a byte at a time, which
 * on a raw socket is a system call per byte; buffered, one read takes in many packets.
 */
final class BufferedSocket extends Socket {
  private static final int BUFFER_BYTES = 64 * 1024;

  private InputStream input;

  BufferedSocket() {}

  BufferedSocket(String host, int port) throws IOException {
    super(host, port);
  }

  BufferedSocket(String host, int port, InetAddress local, int localPort) throws IOException {
    super(host, port, local, localPort);
  }

  BufferedSocket(InetAddress host, int port) throws IOException {
    super(host, port);
  }

  BufferedSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
    super(host, port, local, localPort);
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (input == null) {
      input = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
    }
    return input;
  }
}
