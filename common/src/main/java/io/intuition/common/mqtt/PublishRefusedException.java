package io.intuition.common.mqtt;

/**
 * The broker took a publish and refused it, with an MQTT 5 reason code of 0x80 or more, such as
 * 0x87 "not authorized" when the ACL does not let the client write to the topic. (Over MQTT 3.1.1 a
 * broker has no way to say so: Mosquitto then acknowledges and drops the message.)
 */
public final class PublishRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final int reasonCode;

  /** The refusal of a publish to {@code topic} with {@code reasonCode}. */
  public PublishRefusedException(String topic, int reasonCode) {
    super(
        "the broker refused the publish to "
            + topic
            + ": "
            + ReasonCodes.describe(reasonCode)
            + " (reason code "
            + reasonCode
            + ")");
    this.topic = topic;
    this.reasonCode = reasonCode;
  }

  /** The topic published to. */
  public String topic() {
    return topic;
  }

  /** The broker's reason code. */
  public int reasonCode() {
    return reasonCode;
  }

  /**
   * Whether publishing to this topic again cannot help: the client may not write to it (0x87) or it
   * is no topic name (0x90), rather than a passing refusal such as a quota exceeded.
   */
  public boolean isLasting() {
    return reasonCode == ReasonCodes.NOT_AUTHORIZED || reasonCode == ReasonCodes.TOPIC_NAME_INVALID;
  }
}
