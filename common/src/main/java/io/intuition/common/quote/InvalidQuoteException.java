package io.intuition.common.quote;

/**
 * Thrown when a quote message is malformed; the message names the field, the rule it breaks and an
 * excerpt of the offending value, e.g. {@code quote must be positive, but was -3}.
 */
public final class InvalidQuoteException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the field, the rule and the offending value
   */
  public InvalidQuoteException(String message) {
    super(message);
  }
}
