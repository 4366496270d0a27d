package io.intuition.common.mqtt;

/** A failure of the MQTT library, sorted by what the caller can do about it. */
final class TransportException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure it is. */
  enum Kind {
    /** The broker refused the login, the client id or the authorization: retrying cannot help. */
    REFUSED,
    /** TLS failed in a way retrying cannot mend, such as a certificate one side does not accept. */
    TLS,
    /** The broker does not speak this protocol version. */
    UNSUPPORTED_VERSION,
    /** Too many publishes await confirmation: wait for one. */
    FULL,
    /** Anything else, such as an unreachable broker: retry later. */
    OTHER
  }

  private final Kind kind;
  private final int reasonCode;

  TransportException(Kind kind, int reasonCode, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.reasonCode = reasonCode;
  }

  Kind kind() {
    return kind;
  }

  /** The library's or the broker's reason code; 0 for {@link Kind#TLS}. */
  int reasonCode() {
    return reasonCode;
  }
}
