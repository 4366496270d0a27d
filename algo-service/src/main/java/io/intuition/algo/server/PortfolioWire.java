package io.intuition.algo.server;

import io.intuition.algo.portfolio.Portfolio;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire shape of {@code portfolio()}: plain maps of numbers, as zerorpc peers expect. */
final class PortfolioWire {
  private PortfolioWire() {}

  static Map<String, Object> of(Portfolio portfolio) {
    Map<String, Object> positions = new LinkedHashMap<>();
    portfolio
        .positions()
        .forEach(
            (sid, position) -> {
              Map<String, Object> wire = new LinkedHashMap<>();
              wire.put("shares", position.shares().doubleValue());
              wire.put("avg_cost", position.averageCost().doubleValue());
              wire.put("last", position.last().doubleValue());
              wire.put("market_value", position.marketValue().doubleValue());
              wire.put("unrealized_pnl", position.unrealizedPnl().doubleValue());
              positions.put(sid, wire);
            });
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("cash", portfolio.cash().doubleValue());
    wire.put("equity", portfolio.equity().doubleValue());
    wire.put("realized_pnl", portfolio.realizedPnl().doubleValue());
    wire.put("unrealized_pnl", portfolio.unrealizedPnl().doubleValue());
    wire.put("positions", positions);
    wire.put("orders", portfolio.orders());
    return wire;
  }
}
