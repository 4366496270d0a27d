package io.intuition.common.rpc.curve;

import java.io.IOException;

/** A key file or folder that cannot be used: missing, unreadable or malformed; names the path. */
public final class KeyFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the path and what is wrong with it. */
  public KeyFileException(String message) {
    super(message);
  }
}
