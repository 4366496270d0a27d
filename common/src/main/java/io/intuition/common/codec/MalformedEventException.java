package io.intuition.common.codec;

/** Bytes that are not a zerorpc event; the message says which rule they broke. */
public final class MalformedEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The request whose args broke the rule, when its header could be read; else null. */
  private final transient MessageId request;

  /** An exception naming the broken rule. */
  public MalformedEventException(String message) {
    this(message, (MessageId) null);
  }

  /** An exception naming the broken rule, with the parser's own failure. */
  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
    this.request = null;
  }

  /** An exception naming the broken rule in the args of a request whose header was read. */
  public MalformedEventException(String message, MessageId request) {
    super(message);
    this.request = request;
  }

  /** The request whose args were malformed, so it can be answered; null when none is known. */
  public MessageId request() {
    return request;
  }
}
