package io.intuition.common.rpc;

/** The server answered {@code ERR}: its error name, message and detail (a stack trace). */
public final class RemoteException extends RpcException {
  private static final long serialVersionUID = 1L;
  private final String errorName;
  private final String remoteMessage;
  private final String detail;

  /** The remote error {@code [errorName, message, detail]}. */
  public RemoteException(String errorName, String remoteMessage, String detail) {
    super(errorName + ": " + remoteMessage);
    this.errorName = errorName;
    this.remoteMessage = remoteMessage;
    this.detail = detail;
  }

  /** The remote error's name, such as {@code NameError} or {@code InvalidQuote}. */
  public String errorName() {
    return errorName;
  }

  /** The remote error's message. */
  public String remoteMessage() {
    return remoteMessage;
  }

  /** The remote traceback or other detail; may be empty. */
  public String detail() {
    return detail;
  }
}
