package io.intuition.bridge.forward;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A broker that records what the forwarder asks of it. Publishes are confirmed at once unless the
 * test holds the confirmations to give them itself. Thread-safe.
 */
final class FakeBroker implements Broker {

  /** One publish, with the callback that confirms it. */
  record Publish(String topic, byte[] payload, Consumer<Throwable> done) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    void confirm() {
      done.accept(null);
    }

    void fail(Throwable error) {
      done.accept(error);
    }
  }

  private final List<List<String>> subscriptions = new CopyOnWriteArrayList<>();
  private final List<Publish> publishes = new CopyOnWriteArrayList<>();
  private final List<Inbound> acks = new CopyOnWriteArrayList<>();
  private final List<Runnable> redeliveries = new CopyOnWriteArrayList<>();
  private volatile boolean confirmAtOnce = true;

  @Override
  public void subscribe(List<String> channels) {
    subscriptions.add(List.copyOf(channels));
  }

  @Override
  public void publish(String topic, byte[] payload, Consumer<Throwable> done) {
    publishes.add(new Publish(topic, payload.clone(), done));
    if (confirmAtOnce) {
      done.accept(null);
    }
  }

  @Override
  public void ack(Inbound message) {
    acks.add(message);
  }

  @Override
  public void redeliver(Runnable disconnected) {
    redeliveries.add(disconnected);
  }

  /** The callbacks of every redelivery asked for, in order; running one reports it under way. */
  List<Runnable> redeliveries() {
    return List.copyOf(redeliveries);
  }

  /** From now on publishes wait for the test to confirm or fail them. */
  void holdConfirmations() {
    confirmAtOnce = false;
  }

  /** Every subscribe call's channels, in order. */
  List<List<String>> subscriptions() {
    return List.copyOf(subscriptions);
  }

  /** Every publish, in order. */
  List<Publish> publishes() {
    return List.copyOf(publishes);
  }

  /** The publishes on {@code topic}, in order. */
  List<Publish> publishedOn(String topic) {
    return publishes.stream().filter(publish -> publish.topic().equals(topic)).toList();
  }

  /** The message ids acknowledged, in order. */
  List<Integer> ackedIds() {
    return acks.stream().map(Inbound::messageId).toList();
  }
}
