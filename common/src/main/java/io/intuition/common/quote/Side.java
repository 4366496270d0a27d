package io.intuition.common.quote;

import java.util.Locale;

/** Whether an order buys or sells. */
public enum Side {
  BUY,
  SELL;

  /** The side as the wire writes it: {@code buy} or {@code sell}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
