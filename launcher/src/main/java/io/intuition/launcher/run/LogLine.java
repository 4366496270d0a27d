package io.intuition.launcher.run;

import io.intuition.launcher.process.ServiceProcess;
import java.time.Duration;

/** Ready once the service's log holds a line it prints when ready, such as "serving on tcp://". */
record LogLine(String text, String what) implements Readiness {
  @Override
  public void await(ServiceProcess service, Duration limit) throws InterruptedException {
    if (service.awaitOutput(text, limit)) {
      return;
    }
    if (!service.isAlive()) {
      throw new RunFailure(
          service.name() + " exited before " + what + "; its log: " + service.log());
    }
    throw new RunFailure(
        service.name()
            + " did not get "
            + what
            + " within "
            + limit.toSeconds()
            + " s; its log: "
            + service.log());
  }
}
