package io.intuition.common.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A socket whose input is buffered and whose output is written by a thread of its own: Paho reads
 * each packet's fixed header a byte at a time, which on a raw socket is a system call per byte, and
 * writes and flushes each packet alone, a system call and a network round through the kernel per
 * packet. Buffered, one read takes in many packets; coalesced, one write sends many.
 */
final class BufferedSocket extends Socket {
  private static final int BUFFER_BYTES = 64 * 1024;

  private InputStream input;
  private OutputStream output;

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
      input = new Input(super.getInputStream());
    }
    return input;
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (output == null) {
      output = new CoalescingOutputStream(super.getOutputStream(), "mqtt-writer");
    }
    return output;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (output != null) {
        output.close();
      }
    } finally {
      super.close();
    }
  }

  /** Buffered input whose {@code available()} costs no system call: Paho asks before each read. */
  private static final class Input extends BufferedInputStream {
    Input(InputStream in) {
      super(in, BUFFER_BYTES);
    }

    @Override
    public synchronized int available() {
      return count - pos; // what is buffered; 0 promises nothing, so need not ask the socket
    }
  }
}
