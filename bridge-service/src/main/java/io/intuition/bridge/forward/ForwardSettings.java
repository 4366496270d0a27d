package io.intuition.bridge.forward;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the forwarder handles messages.
 *
 * @param ordersTopic where orders are published
 * @param rejectedSuffix appended to a message's topic to publish its rejection there; empty to
 *     publish no rejections
 * @param maxPayloadBytes larger messages are rejected unread
 * @param window how many messages may be in progress at once (calls outstanding plus orders not yet
 *     confirmed by the broker); 1 to {@value #MAX_WINDOW}
 * @param maxHeld how many messages the bridge holds at most, taken and not yet acknowledged: the
 *     receive window it asks of the broker (MQTT 5 Receive Maximum) and the limit past which it
 *     refuses messages unacknowledged, for brokers that ignore the window; 1 to {@value #MAX_HELD}
 * @param maxHeldBytes the payload bytes it holds at most, likewise
 * @param initializeParams what {@code initialize} is called with
 */
public record ForwardSettings(
    String ordersTopic,
    String rejectedSuffix,
    int maxPayloadBytes,
    int window,
    int maxHeld,
    long maxHeldBytes,
    Map<String, Object> initializeParams) {

  /** The largest window. */
  public static final int MAX_WINDOW = 10_000;

  /** The largest receive window MQTT 5 can express. */
  public static final int MAX_HELD = 65_535;

  /** Checks and copies the fields. */
  public ForwardSettings {
    if (ordersTopic == null || ordersTopic.isBlank()) {
      throw new IllegalArgumentException("orders topic must not be empty");
    }
    rejectedSuffix = Objects.requireNonNullElse(rejectedSuffix, "");
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException(
          "max payload must be positive, but was " + maxPayloadBytes);
    }
    if (window < 1 || window > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "window must be between 1 and " + MAX_WINDOW + ", but was " + window);
    }
    if (maxHeld < 1 || maxHeld > MAX_HELD) {
      throw new IllegalArgumentException(
          "max held must be between 1 and " + MAX_HELD + ", but was " + maxHeld);
    }
    if (maxHeldBytes < maxPayloadBytes) {
      throw new IllegalArgumentException(
          "max held bytes must be at least the max payload ("
              + maxPayloadBytes
              + "), but was "
              + maxHeldBytes);
    }
    initializeParams = Collections.unmodifiableMap(new LinkedHashMap<>(initializeParams));
  }

  /** Where rejections of messages on {@code topic} go, or null when they are not published. */
  String rejectedTopic(String topic) {
    return rejectedSuffix.isEmpty() ? null : topic + rejectedSuffix;
  }

  /** Whether {@code topic} carries rejections, which are never forwarded again. */
  boolean isRejectedTopic(String topic) {
    return !rejectedSuffix.isEmpty() && topic.endsWith(rejectedSuffix);
  }
}
