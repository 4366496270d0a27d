package io.intuition.common.mqtt;

import java.util.Map;

/** The MQTT 5 reason codes of failure a broker answers a publish or a subscription with. */
final class ReasonCodes {
  /** The least reason code that means failure. */
  static final int FIRST_FAILURE = 0x80;

  static final int NOT_AUTHORIZED = 0x87;
  static final int TOPIC_NAME_INVALID = 0x90;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(0x80, "unspecified error"),
          Map.entry(0x83, "implementation specific error"),
          Map.entry(NOT_AUTHORIZED, "not authorized"),
          Map.entry(0x8F, "topic filter invalid"),
          Map.entry(TOPIC_NAME_INVALID, "topic name invalid"),
          Map.entry(0x91, "packet identifier in use"),
          Map.entry(0x97, "quota exceeded"),
          Map.entry(0x99, "payload format invalid"),
          Map.entry(0x9E, "shared subscriptions not supported"),
          Map.entry(0xA1, "subscription identifiers not supported"),
          Map.entry(0xA2, "wildcard subscriptions not supported"));

  private ReasonCodes() {}

  /** The reason code's name in the MQTT 5 specification, such as "not authorized". */
  static String describe(int reasonCode) {
    return NAMES.getOrDefault(reasonCode, "refused");
  }

  /** The first reason code of failure among {@code codes}, or -1 when none is one. */
  static int firstFailure(int[] codes) {
    if (codes != null) {
      for (int code : codes) {
        if (code >= FIRST_FAILURE) {
          return code;
        }
      }
    }
    return -1;
  }
}
