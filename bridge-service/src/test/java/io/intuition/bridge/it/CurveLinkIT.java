package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.rpc.curve.CurveKeyPair;
import io.intuition.common.rpc.curve.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite with CURVE on the RPC link: a real broker, algo-service and bridge-service. */
class CurveLinkIT {
  private static final int QUOTES = 200;

  @TempDir Path keys;
  private RunningSuite suite;

  @BeforeEach
  void start() throws Exception {
    Path clients = Files.createDirectory(keys.resolve("clients"));
    KeyFiles.Written algo = KeyFiles.write(keys, "algo", CurveKeyPair.generate(), false);
    KeyFiles.Written bridge = KeyFiles.write(clients, "bridge", CurveKeyPair.generate(), false);
    suite =
        RunningSuite.start(
            Suite.ALGO_JVM,
            List.of(
                "--curve-secret-key-file",
                algo.secretFile().toString(),
                "--curve-clients",
                clients.toString()),
            Suite.RPC_TIMEOUT,
            "--param",
            "threshold=0",
            "--curve-server-key",
            algo.publicFile().toString(),
            "--curve-secret-key-file",
            bridge.secretFile().toString());
  }

  @AfterEach
  void stop() throws Exception {
    suite.close();
  }

  @Test
  void bridgeWithItsKeys_forwardsEveryQuoteToAnAlgoWithCurveAndPublishesItsOrders() {
    suite.publishInBackground(QUOTES).join();

    suite.awaitEveryQuoteAnswered(QUOTES, Duration.ofMinutes(1));
    assertThat(suite.bridge.stderr()).contains("with CURVE");
    assertThat(suite.algo.stderr()).contains("CURVE on").doesNotContain("refused an RPC client");
  }
}
