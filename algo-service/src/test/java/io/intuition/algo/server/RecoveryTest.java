package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.state.CorruptStateException;
import io.intuition.algo.state.Journal;
import io.intuition.algo.state.StateFile;
import io.intuition.algo.strategy.StrategyFactory;
import io.intuition.algo.trading.Limits;
import io.intuition.algo.trading.Trader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed at any moment and started on its files goes on exactly where it was: the
 * snapshot plus the journal's calls replayed give the same state, and the same next orders.
 */
class RecoveryTest {
  @TempDir Path folder;

  @Test
  void killedAfterSomeRounds_restoresTheVeryStateAndPlacesTheSameNextOrders() throws IOException {
    Path state = folder.resolve("book.state");
    Trader original = trader(7);
    Saver saver = saver(state, original, new Recovery.Result(0, 0, 0, false));
    AlgoRpc rpc = new AlgoRpc(original, 1_000, saver);
    rpc.initialize(Map.of("short", 2, "long", 3, "fraction", 0.5));
    saver.flush();
    rpc.initialize(Map.of("short", 2, "long", 4, "fraction", 0.5));
    List<Object> before = trade(rpc, saver, 1, 40);
    // killed: no close, no snapshot; only what the rounds wrote

    Trader restored = trader(99); // another run's seed: the files must not depend on it
    Recovery.Result result = Recovery.restore(restored, new StateFile(state));

    assertThat(result.replayed()).as("the second initialize and 39 events").isEqualTo(40);
    // the params come back from JSON, 0.5 as a BigDecimal: the same params, another type
    assertThat(restored.state())
        .usingRecursiveComparison()
        .ignoringFields("params")
        .isEqualTo(original.state());
    AlgoRpc again = new AlgoRpc(restored, 1_000, Saver.none(restored));
    assertThat(trade(again, Saver.none(restored), 41, 80)).isEqualTo(trade(rpc, saver, 41, 80));
    assertThat(before).isNotEmpty();
  }

  @Test
  void journalWithoutAStateFile_isCorrupt() throws IOException {
    Path state = folder.resolve("book.state");
    try (Journal journal = Journal.open(Recovery.journalOf(state))) {
      journal.append(List.of(new Journal.Entry(1, "event", Map.of())));
    }

    assertThatThrownBy(() -> Recovery.restore(trader(1), new StateFile(state)))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("has 1 calls, but " + state + " is missing");
  }

  @Test
  void journalWithAGap_isCorrupt() throws IOException {
    Path state = folder.resolve("book.state");
    Trader trader = trader(1);
    trader.initialize(Map.of());
    new StateFile(state).write(trader.state(), 3);
    try (Journal journal = Journal.open(Recovery.journalOf(state))) {
      journal.append(List.of(new Journal.Entry(5, "event", Map.of("GOOG", 1, "ts", 1))));
    }

    assertThatThrownBy(() -> Recovery.restore(trader(1), new StateFile(state)))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("goes from call 3 to 5");
  }

  @Test
  void noFiles_isNothingToRestore() throws IOException {
    assertThat(Recovery.restore(trader(1), new StateFile(folder.resolve("book.state"))).restored())
        .isFalse();
    assertThat(Files.list(folder)).isEmpty();
  }

  /** Quotes with ts {@code from} to {@code to - 1}, each round flushed; the answers given. */
  private static List<Object> trade(AlgoRpc rpc, Saver saver, int from, int to) {
    List<Object> answers = new ArrayList<>();
    for (int ts = from; ts < to; ts++) {
      Object answer = rpc.event(Map.of("sid", "GOOG", "quote", 100 + (ts * 7) % 13, "ts", ts));
      saver.flush();
      answers.add(answer instanceof CompletableFuture<?> later ? later.join() : answer);
    }
    return answers;
  }

  private static Saver saver(Path state, Trader trader, Recovery.Result from) throws IOException {
    return new Saver(
        new StateFile(state),
        Journal.open(Recovery.journalOf(state)),
        trader,
        from.seq(),
        from.snapshotSeq());
  }

  private static Trader trader(long seed) {
    return new Trader(
        StrategyFactory.registry().get("sma-cross"),
        SizerFactory.registry().get("fixed-fraction"),
        seed,
        new Limits(1_000, 1_000));
  }
}
