package io.intuition.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswersTest {
  private final Answers answers = new Answers(null);

  @Test
  void arrived_eachTsCountsOnce_andAgainAsADuplicate() {
    answers.expect(1_000, 3);

    answers.arrived(1_000);
    answers.arrived(1_001);
    answers.arrived(1_001);
    answers.arrived(1_002);

    assertThat(answers.distinct()).isEqualTo(3);
    assertThat(answers.duplicates()).isEqualTo(1);
  }

  @Test
  void arrived_tsOutsideTheRun_isIgnored() {
    answers.expect(1_000, 3);

    answers.arrived(999);
    answers.arrived(1_003);
    answers.arrived(-1);

    assertThat(answers.distinct()).isZero();
    assertThat(answers.duplicates()).isZero();
  }

  @Test
  void expect_startsAfresh() {
    answers.expect(1_000, 3);
    answers.arrived(1_000);

    answers.expect(2_000, 3);

    assertThat(answers.distinct()).isZero();
  }
}
