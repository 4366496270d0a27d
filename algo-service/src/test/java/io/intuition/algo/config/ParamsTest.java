package io.intuition.algo.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void getters_missingOrNullKeys_giveTheirDefaults() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("n", null);
    Params params = Params.of(wire);

    assertThat(params.number("n", 0.5)).isEqualTo(0.5);
    assertThat(params.integer("i", 3)).isEqualTo(3);
    assertThat(params.decimal("d", BigDecimal.TEN)).isEqualTo(BigDecimal.TEN);
    assertThat(params.flag("f", true)).isTrue();
    assertThat(params.texts("t", List.of("quotes"))).containsExactly("quotes");
    assertThat(params.has("n")).isFalse();
  }

  @Test
  void of_null_isNoParams() {
    Params params = Params.of(null);

    assertThat(params.number("threshold", 0.5)).isEqualTo(0.5);
    params.requireAllRead();
  }

  @Test
  void getters_readNumbersTextAndBin() {
    Params params =
        Params.of(Map.of("n", "0.25", "i", 7L, "d", 1.5, "t", List.of("a", "b".getBytes(UTF_8))));

    assertThat(params.number("n", 0)).isEqualTo(0.25);
    assertThat(params.integer("i", 0)).isEqualTo(7);
    assertThat(params.decimal("d", null)).isEqualByComparingTo("1.5");
    assertThat(params.texts("t", List.of())).containsExactly("a", "b");
  }

  @Test
  void requireAllRead_aKeyNoOneAskedFor_isUnknownNamingItAndTheKnownOnes() {
    Params params = Params.of(Map.of("treshold", 0.99));
    params.number("threshold", 0.5);
    params.decimal("cash", BigDecimal.ONE);

    assertThatThrownBy(params::requireAllRead)
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("unknown parameter \"treshold\"; known: cash, threshold");
  }

  @Test
  void of_notAnObject_isInvalidParams() {
    assertThatThrownBy(() -> Params.of(List.of(1)))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("params must be an object, but was a list");
  }

  @Test
  void of_nonTextKey_isInvalidParams() {
    assertThatThrownBy(() -> Params.of(Map.of(1, 2)))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("params keys must be strings, but was 1");
  }

  @Test
  void integer_fraction_isRefusedNamingKeyAndValue() {
    assertThatThrownBy(() -> Params.of(Map.of("short", 2.5)).integer("short", 5))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("short must be a whole number, but was 2.5");
  }

  @Test
  void number_text_isRefusedNamingKeyAndValue() {
    assertThatThrownBy(() -> Params.of(Map.of("threshold", "high")).number("threshold", 0.5))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("threshold must be a number, but was \"high\"");
  }

  @Test
  void flag_notABoolean_isRefused() {
    assertThatThrownBy(() -> Params.of(Map.of("reset", "yes")).flag("reset", false))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("reset must be true or false, but was \"yes\"");
  }

  @Test
  void texts_notAList_isRefused() {
    assertThatThrownBy(() -> Params.of(Map.of("channels", "quotes")).texts("channels", List.of()))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("channels must be a list of strings, but was \"quotes\"");
  }

  @Test
  void texts_blankItem_isRefused() {
    assertThatThrownBy(
            () -> Params.of(Map.of("channels", List.of("quotes", " "))).texts("channels", null))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("channels must contain only non-empty strings, but had \" \"");
  }
}
