package io.intuition.bridge.forward;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets back from the broker the messages the {@link Intake} refused past its limit: once the bridge
 * holds nothing, it asks the broker to send again what it sent and had not had acknowledged, and
 * takes messages again once they can only come over the new connection. Runs on the forwarder's
 * thread.
 */
final class Redelivery {
  private static final Logger log = LoggerFactory.getLogger(Redelivery.class);

  private final Intake intake;
  private final Broker broker;
  private final Stats stats;
  private final int maxHeld;
  private final Executor forwarderThread;
  private boolean asked;
  private boolean reported;

  Redelivery(Intake intake, Broker broker, Stats stats, int maxHeld, Executor forwarderThread) {
    this.intake = intake;
    this.broker = broker;
    this.stats = stats;
    this.maxHeld = maxHeld;
    this.forwarderThread = forwarderThread;
  }

  /**
   * Acts on refused messages, if any: reports them once, and asks for them when nothing is held.
   */
  void check(boolean stopping) {
    if (!intake.isShedding() || asked) {
      return;
    }
    if (!reported) {
      reported = true;
      log.warn(
          "holding {} messages, the most it takes (--max-held {}): refusing more,"
              + " unacknowledged, until these are done; the broker sends them again",
          intake.held(),
          maxHeld);
    }
    if (intake.held() == 0 && !stopping) {
      asked = true;
      log.info("asking the broker again for the messages refused ({} so far)", stats.shed());
      broker.redeliver(
          () -> {
            intake.resume(); // what arrives now comes over the new connection: take it
            forwarderThread.execute(this::done);
          });
    }
  }

  private void done() {
    asked = false;
    reported = false;
  }
}
