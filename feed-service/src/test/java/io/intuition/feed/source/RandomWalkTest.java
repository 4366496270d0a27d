package io.intuition.feed.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RandomWalkTest {
  private static final List<String> SYMBOLS = List.of("GOOG", "AAPL", "MSFT");

  @Test
  void next_sameSeed_givesTheSameSequence() {
    assertThat(ticks(new RandomWalk(SYMBOLS, 7), 1_000))
        .isEqualTo(ticks(new RandomWalk(SYMBOLS, 7), 1_000));
  }

  @Test
  void next_differentSeeds_giveDifferentSequences() {
    assertThat(ticks(new RandomWalk(SYMBOLS, 7), 30))
        .isNotEqualTo(ticks(new RandomWalk(SYMBOLS, 8), 30));
  }

  @Test
  void next_symbolsTakeTurnsInTheGivenOrder() {
    assertThat(ticks(new RandomWalk(SYMBOLS, 1), 7))
        .extracting(Tick::sid)
        .containsExactly("GOOG", "AAPL", "MSFT", "GOOG", "AAPL", "MSFT", "GOOG");
  }

  @Test
  void next_pricesAreRoundedToCentsAndCarryNoTime() {
    assertThat(ticks(new RandomWalk(SYMBOLS, 3), 300))
        .allSatisfy(
            tick -> {
              assertThat(tick.price().scale()).isEqualTo(2);
              assertThat(tick.time()).isNull();
            });
  }

  @Test
  void next_wildWalkOverManySteps_staysPositive() {
    RandomWalk walk = new RandomWalk(List.of("X"), 11, 0.5);

    assertThat(Stream.generate(walk::next).limit(100_000))
        .allSatisfy(tick -> assertThat(tick.price()).isPositive());
  }

  @Test
  void next_defaultVolatility_movesPricesByLittleEachStep() {
    List<Tick> ticks = ticks(new RandomWalk(List.of("X"), 5), 1_000);

    for (int i = 1; i < ticks.size(); i++) {
      double change = ticks.get(i).price().doubleValue() / ticks.get(i - 1).price().doubleValue();
      assertThat(change).isBetween(0.95, 1.05);
    }
  }

  @Test
  void constructor_blankSymbol_isRejected() {
    assertThatThrownBy(() -> new RandomWalk(List.of("GOOG", " "), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbols");
  }

  @Test
  void toString_namesTheSeed() {
    assertThat(new RandomWalk(SYMBOLS, 42))
        .hasToString("random walk over GOOG,AAPL,MSFT (seed 42)");
  }

  private static List<Tick> ticks(RandomWalk walk, int count) {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ticks.add(walk.next());
    }
    return ticks;
  }
}
