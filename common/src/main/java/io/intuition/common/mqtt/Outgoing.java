package io.intuition.common.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishes of a connection: sent in order while it is up and fewer than its limit await
 * confirmation, kept in order otherwise. Thread-safe: publishes come from any thread, confirmations
 * from the MQTT client's; one thread at a time hands publishes to the client, so their order holds.
 *
 * <p>A publish sent and not confirmed when the connection drops fails: the client may send it again
 * after reconnecting, but does not always say so. Publishes not sent yet wait for the next
 * connection.
 */
final class Outgoing {
  private static final Logger log = LoggerFactory.getLogger(Outgoing.class);

  private final Supplier<Transport> transport;
  private final ArrayDeque<Publish> waiting = new ArrayDeque<>();
  private final Set<Publish> inFlight = new LinkedHashSet<>();
  private boolean sending;
  private boolean again;

  Outgoing(Supplier<Transport> transport) {
    this.transport = transport;
  }

  /** One publish and who is told how it went. */
  final class Publish {
    final String topic;
    final byte[] payload;
    final int qos;
    final boolean retained;
    final Consumer<Throwable> done;

    Publish(String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done) {
      this.topic = topic;
      this.payload = payload;
      this.qos = qos;
      this.retained = retained;
      this.done = done;
    }

    private void complete(Throwable failure) {
      boolean wasInFlight;
      synchronized (Outgoing.this) {
        wasInFlight = inFlight.remove(this);
      }
      if (wasInFlight) {
        done.accept(failure);
        send();
      }
    }
  }

  /** Queues a publish and sends what may go. */
  void add(String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done) {
    synchronized (this) {
      waiting.add(new Publish(topic, payload, qos, retained, done));
    }
    send();
  }

  /** How many publishes wait or await confirmation. */
  synchronized int size() {
    return waiting.size() + inFlight.size();
  }

  /** Fails every publish awaiting confirmation: the connection they went over is gone. */
  void lost(Throwable cause) {
    List<Publish> failed;
    synchronized (this) {
      failed = new ArrayList<>(inFlight);
      inFlight.clear();
    }
    failed.forEach(publish -> publish.done.accept(cause));
  }

  /** Hands waiting publishes to the client while it is connected and has room. */
  void send() {
    while (true) {
      synchronized (this) {
        if (sending) {
          again = true; // the thread sending now looks once more before it stops
          return;
        }
        sending = true;
        again = false;
      }
      try {
        for (Publish next = next(); next != null && hand(next); next = next()) {
          // handed to the client
        }
      } finally {
        synchronized (this) {
          sending = false;
        }
      }
      synchronized (this) {
        if (!again) {
          return;
        }
      }
    }
  }

  /** The next publish that may go, now counted in flight; null when none may. */
  private synchronized Publish next() {
    Transport client = transport.get();
    if (waiting.isEmpty()
        || client == null
        || !client.isConnected()
        || inFlight.size() >= client.inflightLimit()) {
      return null;
    }
    Publish publish = waiting.poll();
    inFlight.add(publish);
    return publish;
  }

  /** Hands one publish to the client; returns whether the next may follow now. */
  private boolean hand(Publish publish) {
    // the connection may end at any moment, and the current client be none: ask once
    Transport client = transport.get();
    if (client == null) {
      putBack(publish);
      return false;
    }
    try {
      client.publish(
          publish.topic, publish.payload, publish.qos, publish.retained, publish::complete);
      return true;
    } catch (TransportException e) {
      if (e.kind() == TransportException.Kind.FULL || !client.isConnected()) {
        putBack(publish); // the client still holds publishes of its own: wait for a confirmation
        return false;
      }
      log.debug("publish to {} failed: {}", publish.topic, e.getMessage());
      publish.complete(e);
      return true;
    }
  }

  private synchronized void putBack(Publish publish) {
    if (inFlight.remove(publish)) {
      waiting.addFirst(publish);
    }
  }
}
