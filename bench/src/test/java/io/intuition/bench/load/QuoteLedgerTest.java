package io.intuition.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteLedgerTest {
  private final QuoteLedger ledger = new QuoteLedger(null, 1_000);

  @Test
  void ordered_afterItsQuote_answersIt() {
    ledger.quoted(1_000);
    ledger.quoted(1_001);

    ledger.ordered(1_000);

    assertThat(ledger.sent()).isEqualTo(2);
    assertThat(ledger.answered()).isEqualTo(1);
    assertThat(ledger.unanswered()).isEqualTo(1);
  }

  @Test
  void ordered_beforeOurCopyOfItsQuote_stillAnswersIt() {
    ledger.ordered(1_005);

    ledger.quoted(1_005);

    assertThat(ledger.answered()).isEqualTo(1);
    assertThat(ledger.unanswered()).isZero();
  }

  @Test
  void ordered_again_isADuplicateAndAnswersOnce() {
    ledger.quoted(1_000);

    ledger.ordered(1_000);
    ledger.ordered(1_000);

    assertThat(ledger.answered()).isEqualTo(1);
    assertThat(ledger.duplicates()).isEqualTo(1);
  }

  @Test
  void quoted_again_countsOnce() {
    ledger.quoted(1_000);
    ledger.quoted(1_000);
    ledger.ordered(1_000);

    assertThat(ledger.sent()).isEqualTo(1);
    assertThat(ledger.unanswered()).isZero();
  }

  @Test
  void stampedBeforeTheStart_isIgnored() {
    ledger.quoted(999);
    ledger.ordered(999);
    ledger.ordered(-1);

    assertThat(ledger.sent()).isZero();
    assertThat(ledger.answered()).isZero();
    assertThat(ledger.duplicates()).isZero();
  }

  @Test
  void ordered_forNoQuoteOfTheRun_answersNothing() {
    ledger.quoted(1_000);

    ledger.ordered(2_000);

    assertThat(ledger.answered()).isZero();
    assertThat(ledger.unanswered()).isEqualTo(1);
  }
}
