package io.intuition.feed.publish;

/** The broker answered but will not take this client: bad credentials, a rejected client id. */
public final class BrokerRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  BrokerRefusedException(String message) {
    super(message);
  }
}
