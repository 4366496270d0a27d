package io.intuition.launcher.run;

/** Why a run cannot go on: a service exited, did not start, or a file cannot be written. */
public final class RunFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure saying {@code message}. */
  public RunFailure(String message) {
    super(message);
  }

  /** A failure saying {@code message}, caused by {@code cause}. */
  public RunFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
