package io.intuition.feed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTopicsTest {
  @Test
  void of_perSymbol_putsEachQuoteBelowTheTopicBySid() {
    QuoteTopics topics = new QuoteTopics("quotes", true);

    assertThat(topics.of("GOOG")).isEqualTo("quotes/GOOG");
    assertThat(topics.filter()).isEqualTo("quotes/+");
  }

  @Test
  void of_sidThatCannotBeATopicLevel_isRefusedAndCounted() {
    QuoteTopics topics = new QuoteTopics("quotes", true);

    assertThat(topics.of("BRK/B")).isNull();
    assertThat(topics.of("A+")).isNull();
    assertThat(topics.of("BRK/B")).isNull();
    assertThat(topics.refusedQuotes()).isEqualTo(3);
  }

  @Test
  void of_oneTopic_sendsEverySidToIt() {
    QuoteTopics topics = new QuoteTopics("quotes", false);

    assertThat(topics.of("BRK/B")).isEqualTo("quotes");
    assertThat(topics.refusedQuotes()).isZero();
  }
}
