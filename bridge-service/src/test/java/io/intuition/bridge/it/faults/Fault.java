package io.intuition.bridge.it.faults;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.intuition.bridge.it.RunningSuite;
import io.intuition.common.rpc.RpcTimeoutException;
import io.intuition.common.testing.TcpProxy;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The faults a test strikes the running suite with mid-stream, each undone again before the test
 * waits for the answers: how it is struck, and what a process logs once the suite has come through
 * it, to show the fault did strike and was recovered from.
 */
enum Fault {
  ALGO_KILLED(
      "kill -9 of the algo-service, restarted on its state file",
      RunningSuite::crashAndRestartAlgo,
      suite -> suite.algo().stderr(),
      "restored the book from"),
  BRIDGE_KILLED(
      "kill -9 of the bridge-service, restarted with its client id",
      RunningSuite::crashAndRestartBridge,
      suite -> suite.broker().log(),
      // clean start 0: the session, and the quotes it holds, outlive the connection
      "as " + RunningSuite.CLIENT_ID + " (p5, c0"),
  ALGO_FROZEN(
      "SIGSTOP of the algo-service past the bridge's RPC timeout, then SIGCONT",
      Fault::freezePastTheRpcTimeout,
      suite -> suite.bridge().stderr(),
      "event timed out",
      "is back after"),
  BROKER_LINK_CUT(
      "the network between the bridge and the broker cut, then restored",
      suite -> cutUntilRetried(suite, suite.links().toBroker(), "lost the broker"),
      suite -> suite.bridge().stderr(),
      "reconnected to broker"),
  ALGO_LINK_CUT(
      "the network between the bridge and the algo-service cut, then restored",
      suite -> cutUntilRetried(suite, suite.links().toAlgo(), "unavailable ("),
      suite -> suite.bridge().stderr(),
      "is back after");

  private final String description;
  private final Consumer<RunningSuite> strike;
  private final Function<RunningSuite, String> log;
  private final List<String> shows;

  Fault(
      String description,
      Consumer<RunningSuite> strike,
      Function<RunningSuite, String> log,
      String... shows) {
    this.description = description;
    this.strike = strike;
    this.log = log;
    this.shows = List.of(shows);
  }

  /** Strikes {@code suite} and undoes the fault. */
  void strike(RunningSuite suite) {
    strike.accept(suite);
  }

  /** The log that shows the fault and the recovery: the bridge's, the algo's or the broker's. */
  String log(RunningSuite suite) {
    return log.apply(suite);
  }

  /** What {@link #log} holds once the suite has come through the fault. */
  List<String> shows() {
    return shows;
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * Freezes the algo until the bridge has given up waiting on it, and until a call made after that
   * went unanswered for a whole RPC timeout; then thaws it.
   */
  private static void freezePastTheRpcTimeout(RunningSuite suite) {
    suite.freezeAlgo();
    try {
      suite.bridge().awaitLog("unavailable (", FaultSuite.ALL_ANSWERED);
      assertThatThrownBy(() -> suite.portfolio(FaultSuite.RPC_TIMEOUT))
          .as("a call to the frozen algo")
          .isInstanceOf(RpcTimeoutException.class);
    } finally {
      suite.thawAlgo();
    }
  }

  /**
   * Cuts {@code link} until the bridge has noticed, logging {@code noticed}, and has tried to
   * connect again in vain; then restores it.
   */
  private static void cutUntilRetried(RunningSuite suite, TcpProxy link, String noticed) {
    link.cut();
    try {
      suite.bridge().awaitLog(noticed, FaultSuite.ALL_ANSWERED);
      await("the bridge connecting again through " + link)
          .atMost(FaultSuite.ALL_ANSWERED)
          .until(() -> link.dropped() > 0);
    } finally {
      link.restore();
    }
  }
}
