package io.intuition.common.mqtt;

/**
 * A message received from the broker and not yet acknowledged.
 *
 * @param topic where it was published
 * @param payload its bytes; not copied, so nobody may change them
 * @param messageId the packet id to acknowledge
 * @param qos its quality of service
 * @param session the connection it came over (a count of connections so far): an acknowledgement
 *     only makes sense on that connection, and the broker delivers it again on the next
 */
public record Received(String topic, byte[] payload, int messageId, int qos, long session) {}
