package io.intuition.common.mqtt;

import java.util.Arrays;
import java.util.Objects;

/**
 * The message the broker publishes for a client whose connection ends without a clean disconnect: a
 * process killed, a host gone, a network cut past 1.5 keep-alive intervals.
 *
 * @param topic where the broker publishes it
 * @param payload the message
 * @param qos 0 or 1
 * @param retained whether the broker keeps it as the topic's last value
 */
public record LastWill(String topic, byte[] payload, int qos, boolean retained) {
  /**
   * Checks the fields and keeps a copy of the payload.
   *
   * @throws IllegalArgumentException if the topic is empty or holds a wildcard, or qos is not 0 or
   *     1
   */
  public LastWill {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
      throw new IllegalArgumentException("a last will needs a topic without wildcards: " + topic);
    }
    if (qos != 0 && qos != 1) {
      throw new IllegalArgumentException("a last will's qos must be 0 or 1, but was " + qos);
    }
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LastWill will
        && topic.equals(will.topic)
        && Arrays.equals(payload, will.payload)
        && qos == will.qos
        && retained == will.retained;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, Arrays.hashCode(payload), qos, retained);
  }

  @Override
  public String toString() {
    return "LastWill[topic=" + topic + ", " + payload.length + " bytes, qos=" + qos + "]";
  }
}
