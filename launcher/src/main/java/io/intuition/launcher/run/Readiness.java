package io.intuition.launcher.run;

import io.intuition.launcher.process.ServiceProcess;
import java.time.Duration;

/**
 * When a service just started can be used. Today a line of its log says so ({@link LogLine}); with
 * the services' {@code GET /health} this is the one type to change.
 */
interface Readiness {
  /**
   * Waits until {@code service} is ready.
   *
   * @throws RunFailure if it exits first or is not ready within {@code limit}
   */
  void await(ServiceProcess service, Duration limit) throws InterruptedException;
}
