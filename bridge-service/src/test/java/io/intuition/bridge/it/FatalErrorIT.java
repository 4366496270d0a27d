package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.cli.FatalErrors;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} that escapes a thread of the bridge-service ends the process with its own exit
 * code and a log line, for a supervisor to restart it: here the JVM may reserve almost no direct
 * memory, so the MQTT client's first read from the broker runs it out.
 */
class FatalErrorIT {
  private MosquittoBroker broker;
  private ManagedProcess bridge;

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void outOfMemoryInAThreadOfTheMqttClient_endsTheProcessWithExit70AndALogLine() throws Exception {
    broker = MosquittoBroker.start();

    bridge =
        Suite.bridge(
            List.of("-XX:MaxDirectMemorySize=48k"),
            broker.mqttUrl(),
            Suite.freeRpcAddress(),
            "--mqtt-version",
            "3");

    assertThat(bridge.awaitExit(Duration.ofSeconds(30))).as("exited; " + bridge).isTrue();
    assertThat(bridge.exitValue()).isEqualTo(FatalErrors.EXIT_CODE);
    assertThat(bridge.stderr()).contains("fatal: thread", "OutOfMemoryError");
  }
}
