package io.intuition.console.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.codec.Values;
import io.intuition.common.discovery.Directory;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.log.ThrottledLog;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttHandler;
import io.intuition.common.mqtt.Received;
import io.intuition.console.indicators.IndicatorView;
import io.intuition.console.indicators.Indicators;
import io.intuition.console.orders.OrderJson;
import io.intuition.console.orders.Orders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the console reads from the broker, on its one connection: announcements go to the
 * directory, orders and indicator values into their state. Each message is acknowledged once the
 * state holds it; a malformed one is logged (rate-limited), counted and acknowledged, and the
 * intake goes on. Never throws, as the MQTT client wants of its handler.
 */
public final class Intake implements MqttHandler {
  private static final Logger log = LoggerFactory.getLogger(Intake.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TopicFilter SERVICES = new TopicFilter("services/+/+");

  private final MqttHandler directory;
  private final Orders orders;
  private final Indicators indicators;
  private final TopicFilter ordersTopic;
  private final TopicFilter indicatorsTopic;
  private final LongSupplier clock;
  private final ThrottledLog rejections = ThrottledLog.of(log);
  private final AtomicLong rejected = new AtomicLong();
  private volatile MqttConnection connection;

  /**
   * An intake of orders on {@code ordersTopic} and indicator values under {@code indicatorsPrefix},
   * stamped by {@code clock} (epoch ms).
   */
  public Intake(
      Directory directory,
      Orders orders,
      Indicators indicators,
      String ordersTopic,
      String indicatorsPrefix,
      LongSupplier clock) {
    this.directory = directory.handler();
    this.orders = orders;
    this.indicators = indicators;
    this.ordersTopic = new TopicFilter(ordersTopic);
    this.indicatorsTopic = new TopicFilter(indicatorsPrefix + "/#");
    this.clock = clock;
  }

  /** Acknowledges over {@code connected} from now on. */
  public void use(MqttConnection connected) {
    this.connection = connected;
  }

  @Override
  public void message(Received message) {
    String topic = message.topic();
    if (SERVICES.matches(topic)) {
      directory.message(message); // the directory acknowledges it
      return;
    }
    try {
      if (ordersTopic.matches(topic)) {
        order(message);
      } else if (indicatorsTopic.matches(topic)) {
        indicator(message);
      }
    } catch (RuntimeException e) {
      reject(message, e.toString());
    }
    ack(message);
  }

  private void order(Received message) {
    try {
      orders.add(OrderJson.read(message.payload()), message.topic(), clock.getAsLong());
    } catch (IllegalArgumentException | NullPointerException e) {
      reject(message, e.getMessage());
    }
  }

  private void indicator(Received message) {
    if (message.payload().length == 0) {
      indicators.remove(message.topic());
      return;
    }
    try {
      IndicatorValue value = IndicatorValue.parse(JSON.readValue(message.payload(), Object.class));
      if (!indicators.put(IndicatorView.of(value, message.topic()))) {
        reject(message, "the indicator topics shown are at their limit");
      }
    } catch (IOException e) {
      reject(message, "not JSON");
    } catch (IllegalArgumentException e) {
      reject(message, e.getMessage());
    }
  }

  private void reject(Received message, String why) {
    rejected.incrementAndGet();
    rejections.warn(
        "ignoring a message on {}: {}: {}",
        message.topic(),
        why,
        Values.excerpt(new String(message.payload(), StandardCharsets.UTF_8)));
  }

  private void ack(Received message) {
    MqttConnection connected = connection;
    if (connected != null) {
      connected.ack(message);
    }
  }

  /** The messages refused so far as malformed or past a limit. */
  public long rejected() {
    return rejected.get();
  }
}
