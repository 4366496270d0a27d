package io.intuition.common.mqtt;

/**
 * The broker answered but will not take this client, so trying again cannot help: bad credentials,
 * no authorization, a rejected client id or protocol version. The message names the broker and the
 * reason, with the broker's reason code.
 */
public final class BrokerRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The refusal, described. */
  public BrokerRefusedException(String message) {
    super(message);
  }
}
