package io.intuition.indicator.app;

import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.Received;
import io.intuition.indicator.intake.Broker;
import java.util.function.Consumer;

/** The intake's broker: the service's one connection, publishing retained at QoS 1. */
final class MqttBroker implements Broker {
  private static final int QOS = 1;

  private volatile MqttConnection connection;

  /** Publishes and acknowledges over {@code connection} from now on. */
  void use(MqttConnection connection) {
    this.connection = connection;
  }

  @Override
  public void publish(String topic, byte[] payload, Consumer<Throwable> done) {
    connection.publish(topic, payload, QOS, true, done);
  }

  @Override
  public void ack(Received message) {
    connection.ack(message);
  }
}
