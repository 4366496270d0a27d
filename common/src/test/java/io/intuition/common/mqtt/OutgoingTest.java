package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutgoingTest {
  private final AtomicReference<Transport> current = new AtomicReference<>();
  private final Outgoing outgoing = new Outgoing(current::get);
  private final List<Throwable> outcomes = new ArrayList<>();

  @Test
  void add_connectionEndsWhileAPublishIsHandedOver_keepsItForTheNextConnection() {
    current.set(
        new FakeTransport() {
          @Override
          public void publish(
              String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done)
              throws TransportException {
            current.set(null); // the connection ends as Paho fails the publish
            connected = false;
            throw new TransportException(TransportException.Kind.OTHER, 0, "lost", null);
          }
        });

    outgoing.add("quotes", new byte[] {1}, 1, false, outcomes::add);

    assertThat(outgoing.size()).isEqualTo(1);
    assertThat(outcomes).isEmpty();
  }

  @Test
  void add_noConnection_waitsForOne() {
    outgoing.add("quotes", new byte[] {1}, 1, false, outcomes::add);

    FakeTransport client = new FakeTransport();
    current.set(client);
    outgoing.send();

    assertThat(client.published).containsExactly("quotes");
  }

  /** A client connected until told otherwise, taking every publish. */
  private static class FakeTransport implements Transport {
    final List<String> published = new ArrayList<>();
    boolean connected = true;

    @Override
    public void connect(long timeoutMs) {}

    @Override
    public void disconnect(long timeoutMs) {}

    @Override
    public boolean isConnected() {
      return connected;
    }

    @Override
    public int inflightLimit() {
      return 10;
    }

    @Override
    public void subscribe(String[] topics, int qos, Consumer<Throwable> done) {}

    @Override
    public void publish(
        String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done)
        throws TransportException {
      published.add(topic);
    }

    @Override
    public void ack(int messageId, int qos) {}

    @Override
    public void close() {}
  }
}
