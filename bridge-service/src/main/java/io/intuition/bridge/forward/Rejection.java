package io.intuition.bridge.forward;

/** Why a message was rejected: the {@code reason} tag of the rejected counter. */
enum Rejection {
  /** No payload at all. */
  EMPTY("empty"),
  /** A payload over {@code --max-payload}, rejected unread. */
  TOO_LARGE("too_large"),
  /** The algorithm could not read it. */
  MALFORMED("malformed"),
  /** The algorithm read it and refused it. */
  REFUSED("refused"),
  /** The algorithm answered something the bridge cannot act on. */
  UNEXPECTED("unexpected");

  final String tag;

  Rejection(String tag) {
    this.tag = tag;
  }
}
