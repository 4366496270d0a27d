package io.intuition.common.rpc;

/** A call that did not return a result: the remote failed, or no answer came in time. */
public class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with its message. */
  public RpcException(String message) {
    super(message);
  }
}
