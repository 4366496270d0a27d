package io.intuition.algo.state;

import java.io.IOException;

/** A state file that is not one this service wrote whole: truncated, altered or of another kind. */
public final class CorruptStateException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the file and what is wrong with it. */
  public CorruptStateException(String message) {
    super(message);
  }

  /** An exception whose message names the file and what is wrong with it, with the cause. */
  public CorruptStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
