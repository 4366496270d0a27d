package io.intuition.common.zmq;

import org.zeromq.ZMQ;

/** A socket an {@link EventLoop} reads when it has messages. Owned by the loop's thread. */
public final class Registration {
  final ZMQ.Socket socket;
  final Runnable readable;
  private final EventLoop loop;
  private boolean paused;

  Registration(EventLoop loop, ZMQ.Socket socket, Runnable readable) {
    this.loop = loop;
    this.socket = socket;
    this.readable = readable;
  }

  /** Stops reading the socket until {@link #resume()}: its peers then wait. Loop only. */
  public void pause() {
    paused = true;
  }

  /** Reads the socket again. Loop only. */
  public void resume() {
    paused = false;
  }

  /** Stops watching the socket, before its owner closes it. Loop only. */
  public void cancel() {
    loop.unregister(this);
  }

  /** Whether the socket has a message and is not paused. */
  boolean isReadable() {
    return !paused && (socket.getEvents() & ZMQ.Poller.POLLIN) != 0;
  }
}
