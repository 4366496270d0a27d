package io.intuition.bridge.forward;

/**
 * A message received from the broker and not yet acknowledged.
 *
 * @param topic where it was published
 * @param payload its bytes
 * @param messageId the packet id to acknowledge
 * @param qos its quality of service
 * @param session the number of connection losses before it arrived: an acknowledgement only makes
 *     sense on the connection the message came over
 */
public record Inbound(String topic, byte[] payload, int messageId, int qos, long session) {}
