package io.intuition.common.rpc;

/**
 * A call whose arguments msgpack cannot carry, such as an integer beyond 64 bits. It was never
 * sent; sending it again cannot succeed.
 */
public final class UnsendableCallException extends RpcException {
  private static final long serialVersionUID = 1L;

  /** The failure, naming the method and the reason. */
  public UnsendableCallException(String message) {
    super(message);
  }
}
