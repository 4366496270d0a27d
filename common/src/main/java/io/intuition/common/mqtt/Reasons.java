package io.intuition.common.mqtt;

/** Failures described in one line for logs: the message, then its cause when it has its own. */
final class Reasons {
  private Reasons() {}

  static String of(Throwable e) {
    if (e == null) {
      return "no reason given";
    }
    Throwable cause = e.getCause();
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return cause != null && cause != e ? message + " (" + cause + ")" : message;
  }
}
