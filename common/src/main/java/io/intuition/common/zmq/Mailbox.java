package io.intuition.common.zmq;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands items from any thread to the one thread that owns a ZeroMQ socket, and wakes that thread
 * from its poll.
 *
 * <p>ZeroMQ sockets are not thread-safe, so other threads never touch them: they {@link #post}
 * here, and the owner polls {@link #channel()} next to its socket. The queue is lock-free and a
 * wake-up byte is written only when the owner may be asleep, so a busy owner costs no system calls.
 */
public final class Mailbox<T> implements Closeable {
  private final Queue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean signalled = new AtomicBoolean();
  private final ByteBuffer drain = ByteBuffer.allocate(64);
  private final ByteBuffer wakeByte = ByteBuffer.allocate(1);
  private final Pipe pipe;

  /**
   * A mailbox with its wake-up pipe.
   *
   * @throws UncheckedIOException if the pipe cannot be opened
   */
  public Mailbox() {
    try {
      pipe = Pipe.open();
      pipe.source().configureBlocking(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a wake-up pipe", e);
    }
  }

  /** Queues an item for the owner and wakes it. Any thread. */
  public void post(T item) {
    queue.add(item);
    if (signalled.compareAndSet(false, true)) {
      wake();
    }
  }

  /** Wakes the owner without an item, for example to make it see a stop flag. Any thread. */
  public void wakeUp() {
    if (signalled.compareAndSet(false, true)) {
      wake();
    }
  }

  /** The channel the owner registers in its poller, readable when items may be waiting. */
  public SelectableChannel channel() {
    return pipe.source();
  }

  /** Clears the wake-up signal; the owner then takes items until {@link #take} is null. */
  public void clearSignal() {
    try {
      while (pipe.source().read(drain.clear()) > 0) {
        // a byte per wake-up: read them all
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the wake-up pipe", e);
    }
    signalled.set(false);
  }

  /** The next item, or {@code null}. Owner thread only. */
  public T take() {
    return queue.poll();
  }

  private void wake() {
    try {
      synchronized (wakeByte) {
        pipe.sink().write(wakeByte.clear());
      }
    } catch (IOException e) {
      // The pipe closes only at shutdown, when nobody waits for this item any more.
    }
  }

  @Override
  public void close() {
    try {
      pipe.sink().close();
      pipe.source().close();
    } catch (IOException e) {
      // closing: nothing left to do with the pipe
    }
  }
}
