package io.intuition.common.mqtt;

import java.util.Locale;

/** The MQTT protocol version to speak. */
public enum MqttVersion {
  /** MQTT 5 when the broker offers it, else 3.1.1. */
  AUTO,
  /** MQTT 3.1.1 only, as NATS's MQTT gateway speaks it. */
  V3,
  /** MQTT 5 only. */
  V5;

  /**
   * Reads {@code auto}, {@code 3} (or {@code 3.1.1}) or {@code 5}.
   *
   * @throws IllegalArgumentException naming the value and what is allowed
   */
  public static MqttVersion parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "3", "3.1.1", "v3" -> V3;
      case "5", "5.0", "v5" -> V5;
      default ->
          throw new IllegalArgumentException(
              "MQTT version must be auto, 3 or 5, but was \"" + text + "\"");
    };
  }

  @Override
  public String toString() {
    return switch (this) {
      case AUTO -> "auto";
      case V3 -> "3.1.1";
      case V5 -> "5";
    };
  }
}
