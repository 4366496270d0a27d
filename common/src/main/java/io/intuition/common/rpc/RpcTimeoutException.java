package io.intuition.common.rpc;

/**
 * No reply came within the call's timeout, or the server stopped heartbeating the call. The call
 * may or may not have run on the server.
 */
public final class RpcTimeoutException extends RpcException {
  private static final long serialVersionUID = 1L;

  /** A timeout described by its message. */
  public RpcTimeoutException(String message) {
    super(message);
  }
}
