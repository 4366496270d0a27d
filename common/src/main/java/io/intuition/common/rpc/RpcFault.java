package io.intuition.common.rpc;

/**
 * Thrown by a method to reply {@code ERR} with a chosen error name, such as {@code InvalidQuote}.
 * Other exceptions reply with a name derived from their type.
 */
public class RpcFault extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String errorName;

  /** A fault that callers see as {@code [errorName, message, ...]}. */
  public RpcFault(String errorName, String message) {
    super(message);
    this.errorName = errorName;
  }

  /** The error name sent to the caller. */
  public String errorName() {
    return errorName;
  }
}
