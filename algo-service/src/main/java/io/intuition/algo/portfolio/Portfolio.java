package io.intuition.algo.portfolio;

import io.intuition.algo.trade.Fill;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The book: cash, a position per symbol held, the profit realised by sales and the orders filled.
 *
 * <p>Money is exact ({@link BigDecimal}) inside; it never spends more cash than it has nor sells
 * more shares than it holds, so cash and shares never go below zero, and at every moment {@code
 * realised + unrealised PnL = equity - starting cash}.
 *
 * <p>Driven by a single thread (the RPC server's loop), one call at a time; it holds no locks and
 * is not thread-safe.
 */
public final class Portfolio implements Holdings {
  private static final int COST_SCALE = 8;

  private final BigDecimal startingCash;
  private final Map<String, Position> positions = new TreeMap<>();
  private BigDecimal cash;
  private BigDecimal realizedPnl = BigDecimal.ZERO;
  private long orders;

  /**
   * A new book holding only {@code startingCash}.
   *
   * @throws IllegalArgumentException if {@code startingCash} is negative
   */
  public Portfolio(BigDecimal startingCash) {
    this.startingCash = requireNotNegative("starting cash", startingCash);
    this.cash = startingCash;
  }

  /**
   * A book as it was saved.
   *
   * @throws IllegalArgumentException if a sum is negative
   */
  public static Portfolio restored(
      BigDecimal startingCash,
      BigDecimal cash,
      BigDecimal realizedPnl,
      long orders,
      Map<String, Position> positions) {
    Portfolio portfolio = new Portfolio(startingCash);
    portfolio.cash = requireNotNegative("cash", cash);
    portfolio.realizedPnl = Objects.requireNonNull(realizedPnl, "realized PnL must not be null");
    if (orders < 0) {
      throw new IllegalArgumentException("orders must not be negative, but was " + orders);
    }
    portfolio.orders = orders;
    portfolio.positions.putAll(positions);
    return portfolio;
  }

  /**
   * Books a fill: a buy pays its amount and adds to the position at cost, a sale receives its
   * amount and realises its profit against the average cost.
   *
   * @throws IllegalArgumentException if a buy costs more than the cash, or a sale sells more than
   *     is held; the book is then unchanged
   */
  public void apply(Fill fill) {
    if (fill.side() == Side.BUY) {
      buy(fill);
    } else {
      sell(fill);
    }
    orders++;
  }

  /** Records the last price of {@code sid}, which values its position. */
  public void mark(String sid, BigDecimal price) {
    Position held = positions.get(sid);
    if (held != null) {
      positions.put(sid, new Position(held.shares(), held.cost(), price));
    }
  }

  private void buy(Fill fill) {
    if (fill.amount().compareTo(cash) > 0) {
      throw new IllegalArgumentException(
          "a buy of " + fill.amount().toPlainString() + " is more than the cash left, " + cash);
    }
    Position held = positions.get(fill.sid());
    BigDecimal shares = fill.shares();
    BigDecimal cost = fill.amount();
    if (held != null) {
      shares = shares.add(held.shares());
      cost = cost.add(held.cost());
    }
    positions.put(fill.sid(), new Position(shares, cost, fill.price()));
    cash = cash.subtract(fill.amount());
  }

  private void sell(Fill fill) {
    BigDecimal held = shares(fill.sid());
    if (fill.shares().compareTo(held) > 0) {
      throw new IllegalArgumentException(
          "a sale of "
              + fill.shares().toPlainString()
              + " "
              + fill.sid()
              + " is more than the "
              + held.toPlainString()
              + " held");
    }
    Position position = positions.get(fill.sid());
    BigDecimal left = held.subtract(fill.shares());
    BigDecimal costSold =
        left.signum() == 0
            ? position.cost()
            : position
                .cost()
                .multiply(fill.shares())
                .divide(held, COST_SCALE, RoundingMode.HALF_EVEN);
    if (left.signum() == 0) {
      positions.remove(fill.sid());
    } else {
      positions.put(
          fill.sid(), new Position(left, position.cost().subtract(costSold), fill.price()));
    }
    cash = cash.add(fill.amount());
    realizedPnl = realizedPnl.add(fill.amount()).subtract(costSold);
  }

  @Override
  public BigDecimal cash() {
    return cash;
  }

  @Override
  public BigDecimal shares(String sid) {
    Position held = positions.get(sid);
    return held == null ? BigDecimal.ZERO : held.shares();
  }

  /** The cash the book started with. */
  public BigDecimal startingCash() {
    return startingCash;
  }

  /** The profit of every sale against the average cost of what it sold. */
  public BigDecimal realizedPnl() {
    return realizedPnl;
  }

  /** The market value of the positions less their cost. */
  public BigDecimal unrealizedPnl() {
    return positions.values().stream()
        .map(Position::unrealizedPnl)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The cash plus the market value of the positions. */
  public BigDecimal equity() {
    return positions.values().stream().map(Position::marketValue).reduce(cash, BigDecimal::add);
  }

  /** The positions held, by symbol, sorted; unmodifiable. */
  public Map<String, Position> positions() {
    return Collections.unmodifiableMap(positions);
  }

  /** How many orders were filled. */
  public long orders() {
    return orders;
  }

  private static BigDecimal requireNotNegative(String field, BigDecimal value) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " must not be negative, but was " + value);
    }
    return value;
  }
}
