package io.intuition.common.codec;

/** Bytes that are not a zerorpc event; the message says which rule they broke. */
public final class MalformedEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception naming the broken rule. */
  public MalformedEventException(String message) {
    super(message);
  }

  /** An exception naming the broken rule, with the parser's own failure. */
  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
