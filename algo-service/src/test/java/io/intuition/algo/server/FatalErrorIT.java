package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.cli.FatalErrors;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * An {@link Error} that escapes a thread of the algo-service ends the process, so that a supervisor
 * restarts it, instead of leaving it alive and deaf: here the JVM may reserve almost no direct
 * memory, so reading a large frame (within {@code --max-message}) runs it out in a JeroMQ I/O
 * thread, the very failure that used to leave the port open and nothing answering.
 */
class FatalErrorIT {
  private ManagedProcess algo;

  @AfterEach
  void stop() {
    if (algo != null) {
      algo.close();
    }
  }

  @Test
  void outOfMemoryInAnIoThread_endsTheProcessWithExit70AndALogLine() throws Exception {
    String address = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
            ProjectPaths.java(),
            "-XX:MaxDirectMemorySize=256k",
            "-jar",
            ProjectPaths.serviceJar("algo-service").toString(),
            "--addr",
            address);
    builder.environment().keySet().removeIf(key -> key.startsWith("ALGO_"));
    algo = ManagedProcess.start("algo-service on " + address, builder);
    algo.awaitOutput("serving on", Duration.ofSeconds(20));

    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.connect(address);
      dealer.sendMore(new byte[0]);
      dealer.send(new byte[700_000]);

      assertThat(algo.awaitExit(Duration.ofSeconds(20))).as("exited; " + algo).isTrue();
    }
    assertThat(algo.exitValue()).isEqualTo(FatalErrors.EXIT_CODE);
    assertThat(algo.stderr()).contains("fatal: thread", "OutOfMemoryError", "direct buffer memory");
  }
}
