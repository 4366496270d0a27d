package io.intuition.algo.server;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.StringJoiner;

/** Formats the answer of {@code portfolio()} for people: money in cents, plain notation. */
final class PortfolioTable {
  private PortfolioTable() {}

  static void print(Map<?, ?> book, PrintWriter out) {
    out.println(summary(book));
    Map<?, ?> positions = (Map<?, ?>) book.get("positions");
    if (positions.isEmpty()) {
      out.println("no positions");
    } else {
      out.printf(
          "%-10s %16s %14s %14s %16s %16s%n",
          "symbol", "shares", "avg cost", "last", "market value", "unrealized PnL");
      positions.forEach(
          (sid, value) -> {
            Map<?, ?> position = (Map<?, ?>) value;
            out.printf(
                "%-10s %16s %14s %14s %16s %16s%n",
                sid,
                shares(position.get("shares")),
                price(position.get("avg_cost")),
                price(position.get("last")),
                money(position.get("market_value")),
                money(position.get("unrealized_pnl")));
          });
    }
    out.flush();
  }

  /** One line: the sums, then each position as symbol and shares. */
  static String line(Map<?, ?> book) {
    StringJoiner positions =
        new StringJoiner(", ", " positions ", "").setEmptyValue(" no positions");
    ((Map<?, ?>) book.get("positions"))
        .forEach(
            (sid, value) -> positions.add(sid + " " + shares(((Map<?, ?>) value).get("shares"))));
    return "portfolio: " + summary(book) + positions;
  }

  private static String summary(Map<?, ?> book) {
    return "cash "
        + money(book.get("cash"))
        + " equity "
        + money(book.get("equity"))
        + " realized PnL "
        + money(book.get("realized_pnl"))
        + " unrealized PnL "
        + money(book.get("unrealized_pnl"))
        + " orders "
        + book.get("orders");
  }

  private static String money(Object value) {
    return decimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String price(Object value) {
    return decimal(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private static String shares(Object value) {
    return price(value);
  }

  private static BigDecimal decimal(Object value) {
    return new BigDecimal(String.valueOf(value));
  }
}
