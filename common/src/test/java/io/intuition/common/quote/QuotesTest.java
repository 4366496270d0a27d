package io.intuition.common.quote;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuotesTest {
  private static final String NOT_NORMAL =
      "quote must be a normal number between 2.2250738585072014E-308 and 1.7976931348623157E308, but was ";

  private static final long TS = 1_700_000_000_000_000L;

  @Test
  void parse_fullShapeWithStringQuote_keepsExactPrice() {
    assertThat(Quotes.parse(Map.of("sid", "GOOG", "quote", "345.1")))
        .containsExactly(new Quote("GOOG", new BigDecimal("345.1"), null));
  }

  @ParameterizedTest
  @MethodSource("numericQuotes")
  void parse_fullShapeWithNumericQuote_keepsExactPrice(Object quote, String expected) {
    assertThat(Quotes.parse(Map.of("sid", "GOOG", "quote", quote)))
        .singleElement()
        .extracting(Quote::price)
        .isEqualTo(new BigDecimal(expected));
  }

  static Stream<Arguments> numericQuotes() {
    return Stream.of(
        Arguments.of(345, "345"),
        Arguments.of(345L, "345"),
        Arguments.of(3.45, "3.45"),
        Arguments.of(3.45f, "3.45"),
        Arguments.of(
            new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
        Arguments.of(new BigDecimal("0.000001"), "0.000001"),
        Arguments.of(" 12.50 ", "12.50"),
        Arguments.of("1e3", "1E+3"));
  }

  @Test
  void parse_binSidAndQuote_readsThemAsUtf8Text() {
    Map<String, Object> data =
        Map.of("sid", "GOOG".getBytes(UTF_8), "quote", "345".getBytes(UTF_8));

    assertThat(Quotes.parse(data)).containsExactly(new Quote("GOOG", new BigDecimal("345"), null));
  }

  @Test
  void parse_fullShapeWithTs_echoesTs() {
    assertThat(Quotes.parse(Map.of("sid", "GOOG", "quote", 345, "ts", TS)))
        .containsExactly(new Quote("GOOG", new BigDecimal("345"), TS));
  }

  @ParameterizedTest
  @MethodSource("integralTimestamps")
  void parse_integralTs_readsItAsLong(Object ts) {
    assertThat(Quotes.parse(Map.of("sid", "GOOG", "quote", 1, "ts", ts)))
        .singleElement()
        .extracting(Quote::ts)
        .isEqualTo(1_700_000L);
  }

  static Stream<Object> integralTimestamps() {
    return Stream.of(1_700_000, 1_700_000L, 1_700_000.0, BigInteger.valueOf(1_700_000), "1700000");
  }

  @Test
  void parse_fullShapeWithNullTs_hasNoTs() {
    assertThat(Quotes.parse(map("sid", "GOOG", "quote", 1, "ts", null)))
        .singleElement()
        .extracting(Quote::ts)
        .isNull();
  }

  @Test
  void parse_fullShapeWithExtraKeys_ignoresThem() {
    assertThat(Quotes.parse(map("sid", "GOOG", "quote", 2, "venue", List.of(), "note", null)))
        .containsExactly(new Quote("GOOG", new BigDecimal("2"), null));
  }

  @Test
  void parse_compactShape_returnsOneQuotePerSymbolInKeyOrder() {
    Map<String, Object> data = map("GOOG", 3.45, "ts", TS, "AAPL", "120.5", "MSFT", 7);

    assertThat(Quotes.parse(data))
        .containsExactly(
            new Quote("GOOG", new BigDecimal("3.45"), TS),
            new Quote("AAPL", new BigDecimal("120.5"), TS),
            new Quote("MSFT", new BigDecimal("7"), TS));
  }

  @Test
  void parse_compactShapeWithoutTs_hasNoTs() {
    assertThat(Quotes.parse(Map.of("GOOG", 3.45)))
        .containsExactly(new Quote("GOOG", new BigDecimal("3.45"), null));
  }

  @Test
  void parse_compactShapeWithBinKey_readsSymbolAsUtf8() {
    Map<Object, Object> data = new LinkedHashMap<>();
    data.put("GOOG".getBytes(UTF_8), 1);

    assertThat(Quotes.parse(data)).containsExactly(new Quote("GOOG", BigDecimal.ONE, null));
  }

  @Test
  void parse_result_isImmutable() {
    List<Quote> quotes = Quotes.parse(Map.of("GOOG", 1));

    assertThatThrownBy(() -> quotes.add(quotes.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("malformed")
  void parse_malformed_failsNamingFieldAndValue(Object data, String message) {
    assertThatThrownBy(() -> Quotes.parse(data))
        .isInstanceOf(InvalidQuoteException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(null, "data must be an object, but was null"),
        Arguments.of(List.of(1), "data must be an object, but was a list"),
        Arguments.of("hello", "data must be an object, but was \"hello\""),
        Arguments.of(42, "data must be an object, but was 42"),
        Arguments.of(Map.of(), "data has no quotes: {}"),
        Arguments.of(Map.of("ts", 5), "data has no quotes: {ts=5}"),
        Arguments.of(Map.of("sid", "GOOG"), "quote is missing"),
        Arguments.of(Map.of("quote", "345"), "sid is missing"),
        Arguments.of(Map.of("sid", "", "quote", 1), "sid must be a non-empty string, but was \"\""),
        Arguments.of(
            Map.of("sid", "  ", "quote", 1), "sid must be a non-empty string, but was \"  \""),
        Arguments.of(Map.of("sid", 42, "quote", 1), "sid must be a non-empty string, but was 42"),
        Arguments.of(map("sid", null, "quote", 1), "sid must be a non-empty string, but was null"),
        Arguments.of(Map.of(42, 1.0), "sid must be a non-empty string, but was 42"),
        Arguments.of(quote(null), "quote must be a number, but was null"),
        Arguments.of(quote(true), "quote must be a number, but was true"),
        Arguments.of(quote(Map.of("a", 1)), "quote must be a number, but was an object"),
        Arguments.of(quote(List.of(1)), "quote must be a number, but was a list"),
        Arguments.of(quote("abc"), "quote must be a number, but was \"abc\""),
        Arguments.of(quote("abc".getBytes(UTF_8)), "quote must be a number, but was \"abc\""),
        Arguments.of(quote(""), "quote must be a number, but was \"\""),
        Arguments.of(quote(Double.NaN), "quote must be finite, but was NaN"),
        Arguments.of(quote(Double.POSITIVE_INFINITY), "quote must be finite, but was Infinity"),
        Arguments.of(quote(Double.NEGATIVE_INFINITY), "quote must be finite, but was -Infinity"),
        Arguments.of(quote(Float.NaN), "quote must be finite, but was NaN"),
        Arguments.of(quote("NaN"), "quote must be finite, but was \"NaN\""),
        Arguments.of(quote("Infinity"), "quote must be finite, but was \"Infinity\""),
        Arguments.of(quote("-Infinity"), "quote must be finite, but was \"-Infinity\""),
        Arguments.of(quote(0), "quote must be positive, but was 0"),
        Arguments.of(quote(0.0), "quote must be positive, but was 0.0"),
        Arguments.of(quote(-3), "quote must be positive, but was -3"),
        Arguments.of(quote(-3.0), "quote must be positive, but was -3.0"),
        Arguments.of(quote("-3"), "quote must be positive, but was -3"),
        Arguments.of(quote("1e400"), NOT_NORMAL + "1E+400"),
        Arguments.of(quote("1e-400"), NOT_NORMAL + "1E-400"),
        Arguments.of(quote(1e-320), NOT_NORMAL + "1.0E-320"),
        Arguments.of(quote("1e-320"), NOT_NORMAL + "1E-320"),
        Arguments.of(Map.of("GOOG", "abc"), "quote must be a number, but was \"abc\""),
        Arguments.of(map("GOOG", 1, "AAPL", -1), "quote must be positive, but was -1"),
        Arguments.of(map("GOOG", 1, "AAPL", null), "quote must be a number, but was null"),
        Arguments.of(Map.of("GOOG", 1, "ts", "x"), "ts must be a number, but was \"x\""),
        Arguments.of(Map.of("GOOG", 1, "ts", 1.5), "ts must be a positive integer, but was 1.5"),
        Arguments.of(Map.of("GOOG", 1, "ts", true), "ts must be a number, but was true"),
        Arguments.of(Map.of("GOOG", 1, "ts", Double.NaN), "ts must be finite, but was NaN"),
        Arguments.of(Map.of("GOOG", 1, "ts", -5), "ts must be a positive integer, but was -5"),
        Arguments.of(Map.of("GOOG", 1, "ts", 0), "ts must be a positive integer, but was 0"),
        Arguments.of(
            Map.of("sid", "GOOG", "quote", 1, "ts", BigInteger.TEN.pow(30)),
            "ts must be a positive integer, but was 1000000000000000000000000000000"),
        Arguments.of(
            Map.of("sid", "GOOG", "quote", 1, "ts", List.of()),
            "ts must be a number, but was a list"));
  }

  @Test
  void parse_longValue_truncatesItInTheMessage() {
    String longText = "x".repeat(1_000);

    assertThatThrownBy(() -> Quotes.parse(quote(longText)))
        .isInstanceOf(InvalidQuoteException.class)
        .hasMessage("quote must be a number, but was \"" + "x".repeat(40) + "...\"");
  }

  @Test
  void newQuote_negativePrice_failsNamingTheValue() {
    assertThatThrownBy(() -> new Quote("GOOG", new BigDecimal("-3.0"), null))
        .isInstanceOf(InvalidQuoteException.class)
        .hasMessage("quote must be positive, but was -3.0");
  }

  @Test
  void newQuote_nullPrice_failsAsMissing() {
    assertThatThrownBy(() -> new Quote("GOOG", null, null))
        .isInstanceOf(InvalidQuoteException.class)
        .hasMessage("quote is missing");
  }

  private static Map<String, Object> quote(Object price) {
    return map("sid", "GOOG", "quote", price);
  }

  /** A map keeping insertion order and allowing null values, unlike {@link Map#of}. */
  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
