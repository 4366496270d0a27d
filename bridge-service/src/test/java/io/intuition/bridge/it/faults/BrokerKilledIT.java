package io.intuition.bridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.bridge.it.Delivery;
import io.intuition.bridge.it.RunningSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kill -9} of the broker mid-stream, restarted on the same port from its database: the
 * bridge reconnects to its persistent session, gets again every quote it had not acknowledged at
 * the broker's last write, and every quote, those published after the restart included, is answered
 * and traded once.
 *
 * <p>Mosquitto writes its database every second or two (autosave), not on every message: what it
 * accepted since the last write dies with it, acknowledged or not. So the quotes published before
 * the crash are all with the broker, and written, before it comes, while the bridge is still
 * working through them; the rest are published once the broker is back.
 */
class BrokerKilledIT {
  private static final int BEFORE_THE_CRASH = FaultSuite.QUOTES * 3 / 4;

  @RegisterExtension final FaultSuite faults = new FaultSuite();

  @Test
  void brokerKilledMidStream_restartedFromItsDatabase_everyQuoteIsAnsweredAndTradedOnce() {
    RunningSuite suite = faults.suite();
    suite.publish(0, BEFORE_THE_CRASH);
    suite.awaitOrders(BEFORE_THE_CRASH / 5, FaultSuite.ALL_ANSWERED);

    suite.crashAndRestartBrokerAfterAnAutosave();

    suite.publish(BEFORE_THE_CRASH, FaultSuite.QUOTES);
    Delivery delivery = suite.awaitDelivery(FaultSuite.QUOTES, FaultSuite.ALL_ANSWERED);
    faults.assertEveryQuoteAnswered(delivery);
    assertThat(suite.bridge().stderr()).contains("reconnected to broker");
  }
}
