package io.intuition.common.indicator;

/**
 * Thrown when an indicator message is malformed; the message names the field, the rule it breaks
 * and an excerpt of the offending value, e.g. {@code window must be at least 1, but was 0}.
 */
public final class InvalidIndicatorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the field, the rule and the offending value
   */
  public InvalidIndicatorException(String message) {
    super(message);
  }
}
