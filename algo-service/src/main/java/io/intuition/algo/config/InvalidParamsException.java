package io.intuition.algo.config;

/** An {@code initialize} parameter that no component takes, or one with a bad value. */
public final class InvalidParamsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the parameter and its value. */
  public InvalidParamsException(String message) {
    super(message);
  }
}
