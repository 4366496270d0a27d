package io.intuition.algo.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DrawsTest {

  @Test
  void seeded_drawsWhatJavaUtilRandomDraws() {
    Random reference = new Random(42);
    Draws draws = Draws.seeded(42);

    for (int i = 0; i < 1_000; i++) {
      assertThat(draws.nextDouble()).isEqualTo(reference.nextDouble());
      assertThat(draws.nextLong()).isEqualTo(reference.nextLong());
    }
  }

  @Test
  void restore_ofASavedState_drawsWhatWouldHaveFollowed() {
    Draws draws = Draws.seeded(7);
    draws.nextDouble();
    Draws copy = Draws.seeded(0);

    copy.restore(draws.state());

    assertThat(copy.nextDouble()).isEqualTo(draws.nextDouble());
  }

  @Test
  void reseed_startsTheSequenceAgain() {
    Draws draws = Draws.seeded(3);
    double first = draws.nextDouble();

    draws.reseed(3);

    assertThat(draws.nextDouble()).isEqualTo(first);
  }

  @Test
  void restore_moreThan48Bits_isRefused() {
    assertThatThrownBy(() -> Draws.seeded(1).restore(1L << 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("48 bits");
  }
}
