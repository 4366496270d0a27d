package io.intuition.feed.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a CSV file hold the symbol, the price and the time, as its header names them (in
 * any case and order): {@code sid,price}, {@code symbol,price}, {@code sid,quote}, or OHLCV such as
 * {@code date,symbol,open,high,low,close,volume}, where {@code close} is the price.
 *
 * @param columns how many columns every row must have
 * @param sid the symbol's column
 * @param price the price's column
 * @param time the time's column, or null when the file has none
 */
record CsvLayout(int columns, Column sid, Column price, Column time) {
  private static final List<String> SID_NAMES = List.of("sid", "symbol", "ticker");
  private static final List<String> PRICE_NAMES = List.of("close", "price", "quote");
  private static final List<String> TIME_NAMES = List.of("date", "datetime", "timestamp", "time");

  /**
   * A column: where it is and what the header calls it.
   *
   * @param index its position, from 0
   * @param name its name in lower case, for messages
   */
  record Column(int index, String name) {}

  /**
   * Reads a header line.
   *
   * @throws IllegalArgumentException if it names no symbol or no price column
   */
  static CsvLayout of(String header) {
    List<String> names =
        Arrays.stream(cells(header)).map(name -> name.toLowerCase(Locale.ROOT)).toList();
    Column sid = find(names, SID_NAMES);
    Column price = find(names, PRICE_NAMES);
    if (sid == null || price == null) {
      throw new IllegalArgumentException(
          "the header must name a symbol column (sid, symbol or ticker) and a price column"
              + " (close, price or quote), but was \""
              + header
              + "\"");
    }
    return new CsvLayout(names.size(), sid, price, find(names, TIME_NAMES));
  }

  /**
   * Reads a data row.
   *
   * @throws IllegalArgumentException naming the column, the rule and the value that break it
   */
  Tick parse(String line) {
    String[] cells = cells(line);
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "expected " + columns + " columns, but was " + cells.length);
    }
    String sid = cells[this.sid.index()];
    if (sid.isEmpty()) {
      throw new IllegalArgumentException(this.sid.name() + " must not be empty");
    }
    return new Tick(sid, price(cells[price.index()]), time(cells));
  }

  private BigDecimal price(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the rule
    }
    throw new IllegalArgumentException(
        price.name() + " must be a positive number, but was \"" + text + "\"");
  }

  private Instant time(String[] cells) {
    if (time == null) {
      return null;
    }
    try {
      return Timestamps.parse(cells[time.index()]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(time.name() + " " + e.getMessage());
    }
  }

  /** The first column whose name is in {@code wanted}, earlier names winning. */
  private static Column find(List<String> names, List<String> wanted) {
    for (String name : wanted) {
      int index = names.indexOf(name);
      if (index >= 0) {
        return new Column(index, name);
      }
    }
    return null;
  }

  /** Splits on commas and trims each cell, and the double quotes around it if any. */
  private static String[] cells(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i].trim();
      if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
        cell = cell.substring(1, cell.length() - 1).trim();
      }
      cells[i] = cell;
    }
    return cells;
  }
}
