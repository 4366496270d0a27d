package io.intuition.bench.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * One QoS 1 publisher, the same for every step: up to {@code window} quotes await the broker's
 * PUBACK at once, the next one waits for room.
 */
public final class Publisher implements AutoCloseable {
  private static final int QOS = 1;

  private final MqttAsyncClient client;
  private final Semaphore room;
  private final int window;
  private final AtomicLong failed = new AtomicLong();
  private final IMqttActionListener confirmation =
      new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          room.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          failed.incrementAndGet();
          room.release();
        }
      };

  private Publisher(MqttAsyncClient client, int window) {
    this.client = client;
    this.window = window;
    this.room = new Semaphore(window);
  }

  /** A connected publisher with {@code window} publishes in flight at most. */
  public static Publisher connect(String url, int window) throws MqttException {
    return new Publisher(MqttClients.connect(url, "pub", window), window);
  }

  /** Publishes {@code count} quotes to {@code topic} as fast as the window allows. */
  public void burst(String topic, long count) throws InterruptedException, MqttException {
    for (long n = 0; n < count; n++) {
      send(topic, QuoteMessages.quote(n, Clock.micros()));
    }
  }

  /**
   * Publishes {@code count} quotes to {@code topic} as fast as the window allows, the {@code n}-th
   * stamped {@code firstTs + n} rather than with the time: each quote has a {@code ts} of its own,
   * so what arrives can be told apart by it.
   */
  public void numbered(String topic, long firstTs, long count)
      throws InterruptedException, MqttException {
    for (long n = 0; n < count; n++) {
      send(topic, QuoteMessages.quote(n, firstTs + n));
    }
  }

  /**
   * Publishes at {@code rate} quotes/s for {@code seconds}, each stamped with the moment it was due
   * rather than sent, so a publisher held back by a slow system shows that delay as latency.
   *
   * @return how many quotes were published
   */
  public long paced(String topic, double rate, double seconds)
      throws InterruptedException, MqttException {
    long count = Math.round(rate * seconds);
    double interval = 1e9 / rate;
    long start = System.nanoTime();
    for (long n = 0; n < count; n++) {
      long due = start + (long) (n * interval);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      send(topic, QuoteMessages.quote(n, Clock.toMicros(due)));
    }
    return count;
  }

  private void send(String topic, byte[] payload) throws InterruptedException, MqttException {
    room.acquire();
    MqttMessage message = new MqttMessage(payload);
    message.setQos(QOS);
    client.publish(topic, message, null, confirmation);
  }

  /** Waits until every publish is confirmed; returns whether they all were in time. */
  public boolean awaitConfirmed(long timeoutMs) throws InterruptedException {
    if (!room.tryAcquire(window, timeoutMs, TimeUnit.MILLISECONDS)) {
      return false;
    }
    room.release(window);
    return true;
  }

  /** How many publishes failed. */
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    MqttClients.close(client);
  }
}
