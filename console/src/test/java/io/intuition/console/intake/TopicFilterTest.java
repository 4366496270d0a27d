package io.intuition.console.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicFilterTest {
  @Test
  void matches_followsTheMqttWildcards() {
    assertThat(new TopicFilter("services/+/+").matches("services/algo/a")).isTrue();
    assertThat(new TopicFilter("services/+/+").matches("services/algo")).isFalse();
    assertThat(new TopicFilter("services/+/+").matches("services/algo/a/b")).isFalse();
    assertThat(new TopicFilter("indicators/#").matches("indicators/GOOG/sma/5")).isTrue();
    assertThat(new TopicFilter("orders").matches("orders")).isTrue();
    assertThat(new TopicFilter("orders").matches("orders/x")).isFalse();
  }
}
