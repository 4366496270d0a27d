package io.intuition.common.mqtt;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A socket's output written by a thread of its own, so that packets flushed one by one go out in as
 * few system calls as the socket can take: Paho writes and flushes every packet on its own, and on
 * loopback each small write costs the sending thread the receiver's network processing as well.
 *
 * <p>{@link #flush()} hands the bytes written so far to the writer thread and returns; while the
 * writer is busy, later packets gather and go out together. At most {@value #MAX_PENDING_BYTES}
 * bytes wait: past that, writes wait for the writer. A failure of the socket is thrown by the next
 * write or flush, as a plain socket would have thrown it then.
 */
final class CoalescingOutputStream extends OutputStream {
  static final int MAX_PENDING_BYTES = 1024 * 1024;
  private static final int FIRST_BUFFER_BYTES = 16 * 1024;
  private static final long CLOSE_DRAIN_MS = 1_000;

  private final OutputStream socket;
  private final Thread writer;
  private byte[] pending = new byte[FIRST_BUFFER_BYTES];
  private byte[] spare = new byte[FIRST_BUFFER_BYTES];
  private int pendingBytes;
  private int handedOver;
  private boolean writing;
  private boolean closed;
  private IOException failure;

  CoalescingOutputStream(OutputStream socket, String name) {
    this.socket = socket;
    this.writer = new Thread(this::run, name);
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    check();
    while (pendingBytes + length > MAX_PENDING_BYTES && pendingBytes > 0) {
      handedOver = pendingBytes;
      notifyAll();
      await();
      check();
    }
    ensureRoom(length);
    System.arraycopy(bytes, offset, pending, pendingBytes, length);
    pendingBytes += length;
  }

  /** Hands what was written to the writer thread; returns without waiting for the socket. */
  @Override
  public synchronized void flush() throws IOException {
    check();
    if (pendingBytes > handedOver) {
      handedOver = pendingBytes;
      if (!writing) {
        notifyAll();
      }
    }
  }

  /** Lets the writer send what waits, for a moment, then closes the socket's stream. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      handedOver = pendingBytes;
      long deadline = System.nanoTime() + CLOSE_DRAIN_MS * 1_000_000;
      while ((pendingBytes > 0 || writing) && failure == null && System.nanoTime() < deadline) {
        notifyAll();
        awaitUpTo(deadline);
      }
      closed = true;
      notifyAll();
    }
    socket.close();
  }

  private void run() {
    try {
      while (true) {
        int length;
        byte[] batch;
        synchronized (this) {
          writing = false;
          notifyAll(); // writers waiting for room, or close() waiting for the last bytes
          while (handedOver == 0 && !closed) {
            wait();
          }
          if (closed) {
            return;
          }
          batch = pending;
          length = handedOver;
          swap(length);
          writing = true;
        }
        socket.write(batch, 0, length);
        socket.flush();
      }
    } catch (IOException e) {
      fail(e);
    } catch (InterruptedException e) {
      fail(new InterruptedIOException("the writer was interrupted"));
    }
  }

  /** Takes the first {@code length} bytes out for writing; what was written after stays. */
  private void swap(int length) {
    byte[] rest = spare.length >= pendingBytes - length ? spare : new byte[pending.length];
    System.arraycopy(pending, length, rest, 0, pendingBytes - length);
    spare = pending;
    pending = rest;
    pendingBytes -= length;
    handedOver = 0;
  }

  private synchronized void fail(IOException e) {
    failure = e;
    writing = false;
    notifyAll();
  }

  private void ensureRoom(int length) {
    if (pendingBytes + length > pending.length) {
      int size = Math.max(pending.length * 2, pendingBytes + length);
      pending = java.util.Arrays.copyOf(pending, size);
    }
  }

  private void check() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (closed) {
      throw new IOException("the socket is closed");
    }
  }

  private void await() throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to write");
    }
  }

  private void awaitUpTo(long deadline) {
    long millis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    try {
      wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
