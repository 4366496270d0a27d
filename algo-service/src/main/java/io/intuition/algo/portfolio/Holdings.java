package io.intuition.algo.portfolio;

import java.math.BigDecimal;

/** What a strategy or a sizer may see of the book: the cash and the shares held. */
public interface Holdings {

  /** The cash left to invest; never negative. */
  BigDecimal cash();

  /** The shares of {@code sid} held; zero when none. */
  BigDecimal shares(String sid);
}
