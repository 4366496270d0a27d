package io.intuition.bridge.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IdleProbeTest {
  private final Pinged algo = new Pinged();
  private final AlgoHealth health =
      new AlgoHealth(
          () -> "tcp://algo:4242", new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)));
  private final IdleProbe probe = new IdleProbe(algo, health, Runnable::run);
  // made after the probe: idle for longer than it waits
  private final long later = System.nanoTime() + IdleProbe.EVERY_NANOS + 1;

  @Test
  void idleAndReady_pingUnanswered_isAnOutage() {
    health.ready();
    algo.answer = "timed out";

    probe.tick(later, true);

    assertThat(algo.pings).isOne();
    assertThat(health.status().up()).isFalse();
  }

  @Test
  void idleInAnOutage_pingAnswered_endsIt() {
    health.ready();
    health.unavailable("gone", 0, System.nanoTime());

    probe.tick(later, true);

    assertThat(health.status().up()).isTrue();
  }

  @Test
  void busyOrNotYetIdleLongEnough_pingsNothing() {
    health.ready();

    probe.tick(later, false);
    probe.tick(later + 1, true);

    assertThat(algo.pings).isZero();
  }

  @Test
  void initializing_leavesItToTheHandshake() {
    probe.tick(later, true);

    assertThat(algo.pings).isZero();
  }

  /** An algorithm whose ping answers what the test says. */
  private static final class Pinged implements Algo {
    String answer;
    int pings;

    @Override
    public CompletableFuture<Answer> initialize(Map<String, Object> params) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Answer> event(byte[] payload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<String> ping() {
      pings++;
      return CompletableFuture.completedFuture(answer);
    }

    @Override
    public String address() {
      return "tcp://algo:4242";
    }
  }
}
