package io.intuition.feed.source.jdbc;

import io.intuition.common.log.Excerpt;
import io.intuition.feed.source.Tick;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a query's result hold the symbol, the price and the time, by their names (in any
 * case): {@code sid}, {@code symbol} or {@code ticker}; {@code close}, {@code price} or {@code
 * quote}; {@code ts}, {@code timestamp}, {@code datetime}, {@code time} or {@code date}. Earlier
 * names win; other columns are ignored.
 *
 * @param sid the symbol's column: any type, read as text
 * @param price the price's column: a number, or text that reads as one
 * @param time the time's column, of a {@link TimeType}
 * @param timeType how the time is read
 */
record ResultColumns(Column sid, Column price, Column time, TimeType timeType) {
  static final List<String> SID_NAMES = List.of("sid", "symbol", "ticker");
  static final List<String> PRICE_NAMES = List.of("close", "price", "quote");
  static final List<String> TIME_NAMES = List.of("ts", "timestamp", "datetime", "time", "date");

  /**
   * A column: where it is, what the query calls it, and its SQL type.
   *
   * @param index its position, from 1 as JDBC counts
   * @param label its name in the result, for messages
   * @param type its {@link java.sql.Types} code
   * @param typeName the database's name of its type, for messages
   */
  record Column(int index, String label, int type, String typeName) {}

  /**
   * Finds the columns in a result's description.
   *
   * @throws IllegalArgumentException naming what is missing and what the query returns, or the
   *     column of a type that cannot hold a price or a time
   */
  static ResultColumns of(ResultSetMetaData meta) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(
          new Column(i, meta.getColumnLabel(i), meta.getColumnType(i), meta.getColumnTypeName(i)));
    }
    Column sid = find(columns, SID_NAMES);
    Column price = find(columns, PRICE_NAMES);
    Column time = find(columns, TIME_NAMES);
    requirePresent(columns, sid, price, time);
    if (!TimeType.NUMBERS.contains(price.type()) && !TimeType.TEXTS.contains(price.type())) {
      throw new IllegalArgumentException(
          "returns the price column "
              + price.label()
              + " of type "
              + price.typeName()
              + ", but a price must be a number or text");
    }
    return new ResultColumns(sid, price, time, timeType(time));
  }

  private static void requirePresent(List<Column> columns, Column sid, Column price, Column time) {
    List<String> missing = new ArrayList<>();
    addIf(missing, sid == null, "a symbol column (" + names(SID_NAMES) + ")");
    addIf(missing, price == null, "a price column (" + names(PRICE_NAMES) + ")");
    addIf(missing, time == null, "a time column (" + names(TIME_NAMES) + ")");
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "must return "
              + joined(missing, "and")
              + ", but returns "
              + describe(columns)
              + ": name them with AS, as in SELECT ticker AS sid");
    }
  }

  private static TimeType timeType(Column time) {
    TimeType type = TimeType.of(time.type(), time.typeName());
    if (type == null) {
      throw new IllegalArgumentException(
          "returns the time column "
              + time.label()
              + " of type "
              + time.typeName()
              + ", but a time must be a "
              + TimeType.ACCEPTED);
    }
    return type;
  }

  /**
   * Reads the row {@code rows} is at.
   *
   * @throws IllegalArgumentException naming the column, the rule and the value that break it
   */
  Tick read(ResultSet rows) throws SQLException {
    String symbol = rows.getString(sid.index());
    if (symbol == null || symbol.isBlank()) {
      throw new IllegalArgumentException(
          sid.label() + " must not be empty, but was " + shown(symbol));
    }
    return new Tick(symbol.strip(), price(rows.getString(price.index())), time(rows));
  }

  private BigDecimal price(String text) {
    try {
      BigDecimal value = text == null ? null : new BigDecimal(text.strip());
      if (value != null && value.signum() > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the rule
    }
    throw new IllegalArgumentException(
        price.label() + " must be a positive number, but was " + shown(text));
  }

  private Instant time(ResultSet rows) throws SQLException {
    Instant instant;
    try {
      instant = timeType.read(rows, time.index());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(time.label() + " " + e.getMessage());
    }
    if (instant == null) {
      throw new IllegalArgumentException(time.label() + " must be a time, but was NULL");
    }
    return instant;
  }

  /** The first column whose name, in any case, is in {@code wanted}, earlier names winning. */
  private static Column find(List<Column> columns, List<String> wanted) {
    for (String name : wanted) {
      for (Column column : columns) {
        if (column.label().toLowerCase(Locale.ROOT).equals(name)) {
          return column;
        }
      }
    }
    return null;
  }

  /** A value for a message: NULL, or quoted and cut short, its control characters escaped. */
  private static String shown(String value) {
    return value == null ? "NULL" : "\"" + Excerpt.of(value) + "\"";
  }

  private static String names(List<String> names) {
    return joined(names, "or");
  }

  /** {@code a, b and c}, or {@code a or b}. */
  private static String joined(List<String> items, String last) {
    int end = items.size() - 1;
    return end == 0
        ? items.get(0)
        : String.join(", ", items.subList(0, end)) + " " + last + " " + items.get(end);
  }

  private static String describe(List<Column> columns) {
    if (columns.isEmpty()) {
      return "no column";
    }
    return String.join(", ", columns.stream().map(c -> c.label() + " " + c.typeName()).toList());
  }

  private static void addIf(List<String> list, boolean condition, String item) {
    if (condition) {
      list.add(item);
    }
  }
}
