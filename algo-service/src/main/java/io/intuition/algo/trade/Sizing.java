package io.intuition.algo.trade;

/** How a strategy wants the quantity of an intent chosen. */
public enum Sizing {
  /** The sizer decides, from the cash and the positions it sees. */
  BY_SIZER,
  /** All the shares held: the way to close a position. */
  WHOLE_POSITION
}
