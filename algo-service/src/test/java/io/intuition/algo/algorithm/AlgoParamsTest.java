package io.intuition.algo.algorithm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlgoParamsTest {

  @Test
  void from_null_usesEveryDefault() {
    assertThat(AlgoParams.from(null))
        .isEqualTo(new AlgoParams(new BigDecimal("10000"), 0.5, List.of("quotes"), Map.of()));
  }

  @Test
  void from_emptyMap_usesEveryDefault() {
    assertThat(AlgoParams.from(Map.of())).isEqualTo(AlgoParams.from(null));
  }

  @Test
  void from_nullValues_useTheDefaults() {
    AlgoParams params = AlgoParams.from(map("threshold", null, "cash", null, "channels", null));

    assertThat(params).isEqualTo(AlgoParams.from(null));
  }

  @Test
  void from_startingCash_setsTheStartingCash() {
    assertThat(AlgoParams.from(Map.of("starting_cash", "2500.50")).startingCash())
        .isEqualTo(new BigDecimal("2500.50"));
  }

  @Test
  void from_cashAsTheBridgeSendsIt_setsTheStartingCash() {
    assertThat(AlgoParams.from(Map.of("cash", 2500)).startingCash()).isEqualByComparingTo("2500");
  }

  @Test
  void from_bothCashKeys_prefersStartingCash() {
    AlgoParams params = AlgoParams.from(Map.of("cash", 1, "starting_cash", 2));

    assertThat(params.startingCash()).isEqualByComparingTo("2");
    assertThat(params.extra()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("thresholds")
  void from_numericThreshold_readsIt(Object threshold, double expected) {
    assertThat(AlgoParams.from(Map.of("threshold", threshold)).threshold()).isEqualTo(expected);
  }

  static Stream<Arguments> thresholds() {
    return Stream.of(
        Arguments.of(0, 0.0),
        Arguments.of(1L, 1.0),
        Arguments.of(0.25, 0.25),
        Arguments.of(0.75f, 0.75),
        Arguments.of("0.3", 0.3),
        Arguments.of("0.3".getBytes(UTF_8), 0.3),
        Arguments.of(new BigDecimal("0.9"), 0.9),
        Arguments.of(BigInteger.ONE, 1.0));
  }

  @Test
  void from_channels_readsStrAndBinItems() {
    AlgoParams params =
        AlgoParams.from(Map.of("channels", List.of("quotes", "news".getBytes(UTF_8))));

    assertThat(params.channels()).containsExactly("quotes", "news");
  }

  @Test
  void from_unknownKeys_keepsThemInOrderInExtra() {
    AlgoParams params = AlgoParams.from(map("threshold", 0, "zeta", 1, "alpha", null, "cash", 5));

    assertThat(params.extra()).containsExactly(entry("zeta", 1), entry("alpha", null));
    assertThatThrownBy(() -> params.extra().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("invalid")
  void from_invalid_failsNamingKeyAndValue(Object params, String message) {
    assertThatThrownBy(() -> AlgoParams.from(params))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("x", "params must be an object, but was \"x\""),
        Arguments.of(List.of(), "params must be an object, but was a list"),
        Arguments.of(7, "params must be an object, but was 7"),
        Arguments.of(Map.of(1, 2), "params keys must be strings, but was 1"),
        Arguments.of(Map.of("threshold", 1.5), "threshold must be between 0 and 1, but was 1.5"),
        Arguments.of(Map.of("threshold", -0.1), "threshold must be between 0 and 1, but was -0.1"),
        Arguments.of(Map.of("threshold", 2), "threshold must be between 0 and 1, but was 2"),
        Arguments.of(
            Map.of("threshold", "1.5"), "threshold must be between 0 and 1, but was \"1.5\""),
        Arguments.of(Map.of("threshold", "x"), "threshold must be a number, but was \"x\""),
        Arguments.of(Map.of("threshold", true), "threshold must be a number, but was true"),
        Arguments.of(Map.of("threshold", List.of()), "threshold must be a number, but was a list"),
        Arguments.of(Map.of("threshold", Double.NaN), "threshold must be finite, but was NaN"),
        Arguments.of(Map.of("cash", -5), "cash must not be negative, but was -5"),
        Arguments.of(Map.of("cash", "abc"), "cash must be a number, but was \"abc\""),
        Arguments.of(
            Map.of("starting_cash", -0.5), "starting_cash must not be negative, but was -0.5"),
        Arguments.of(
            Map.of("starting_cash", Map.of()), "starting_cash must be a number, but was an object"),
        Arguments.of(
            Map.of("starting_cash", Double.POSITIVE_INFINITY),
            "starting_cash must be finite, but was Infinity"),
        Arguments.of(
            Map.of("cash", "1e999999999"),
            "cash must be within double range, but was \"1e999999999\""),
        Arguments.of(
            Map.of("cash", "1e-999999999"),
            "cash must be within double range, but was \"1e-999999999\""),
        Arguments.of(Map.of("channels", List.of()), "channels must not be empty"),
        Arguments.of(
            Map.of("channels", "quotes"), "channels must be a list of strings, but was \"quotes\""),
        Arguments.of(
            Map.of("channels", List.of(42)),
            "channels must contain only non-empty strings, but had 42"),
        Arguments.of(
            Map.of("channels", List.of(" ")),
            "channels must contain only non-empty strings, but had \" \""),
        Arguments.of(
            Map.of("channels", Arrays.asList("quotes", null)),
            "channels must contain only non-empty strings, but had null"));
  }

  @Test
  void newAlgoParams_negativeCash_fails() {
    assertThatThrownBy(() -> new AlgoParams(new BigDecimal("-1"), 0.5, List.of("q"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("starting_cash must not be negative, but was -1");
  }

  @Test
  void newAlgoParams_thresholdNaN_fails() {
    assertThatThrownBy(() -> new AlgoParams(BigDecimal.ONE, Double.NaN, List.of("q"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be between 0 and 1, but was NaN");
  }

  @Test
  void newAlgoParams_blankChannel_fails() {
    assertThatThrownBy(() -> new AlgoParams(BigDecimal.ONE, 0.5, List.of(""), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channels must contain only non-empty strings, but had \"\"");
  }

  @Test
  void newAlgoParams_nullCash_fails() {
    assertThatThrownBy(() -> new AlgoParams(null, 0.5, List.of("q"), Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("starting_cash must not be null");
  }

  @Test
  void newAlgoParams_copiesTheCollections() {
    List<String> channels = new ArrayList<>(List.of("quotes"));
    Map<String, Object> extra = new LinkedHashMap<>(Map.of("a", 1));
    AlgoParams params = new AlgoParams(BigDecimal.ONE, 0.5, channels, extra);

    channels.add("news");
    extra.put("b", 2);

    assertThat(params.channels()).containsExactly("quotes");
    assertThat(params.extra()).containsOnlyKeys("a");
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
