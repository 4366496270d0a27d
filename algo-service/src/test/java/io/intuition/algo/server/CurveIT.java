package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.rpc.RpcTimeoutException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.common.rpc.curve.KeyFiles;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import io.intuition.common.testing.StartedProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service with CURVE on and off: keygen, who is answered, and what it logs. */
class CurveIT {
  private static final Duration START = Duration.ofSeconds(20);
  private static final Duration ANSWER = Duration.ofSeconds(10);
  private static final Duration NO_ANSWER = Duration.ofSeconds(2);
  private static final String REFUSED = "refused an RPC client at 127.0.0.1";
  private static final String EXPOSED = "anyone who can reach it can drive the algorithm";

  @RegisterExtension final StartedProcesses started = new StartedProcesses();
  @TempDir Path folder;

  @Test
  void keygen_writesAPublicFileAndAnOwnerOnlySecretFile() throws Exception {
    ManagedProcess keygen = keygen("algo", folder);

    String publicKey = KeyFiles.readPublicKey(folder.resolve("algo.key"));
    assertThat(keygen.stdout()).contains("public key " + publicKey);
    assertThat(KeyFiles.readKeyPair(folder.resolve("algo.key_secret")).publicKey())
        .isEqualTo(publicKey);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("algo.key_secret"))))
        .isEqualTo("rw-------");
  }

  @Test
  void algoWithCurve_answersAnAllowedClientAndNotOneWithoutKeys() throws Exception {
    String address = freeAddress();
    ManagedProcess algo = startWithCurve(address);
    assertThat(algo.stderr()).contains("1 client keys allowed from " + folder.resolve("clients"));

    for (int i = 0; i < 3; i++) {
      try (RpcClient plain = RpcClient.connect(address, NO_ANSWER)) {
        assertThatThrownBy(() -> plain.invoke("initialize", Map.of()))
            .isInstanceOf(RpcTimeoutException.class);
      }
    }
    try (RpcClient keyed = RpcClient.builder(address).timeout(ANSWER).curve(bridge()).build()) {
      assertThat(keyed.invoke("initialize", Map.of())).isEqualTo(List.of("quotes"));
    }
    algo.awaitLog(REFUSED, START);
    assertThat(algo.stderr().lines().filter(line -> line.contains(REFUSED)).count())
        .isBetween(1L, 5L);
    assertThat(algo.stderr()).doesNotContain(EXPOSED);
    assertThat(algo.stderr() + algo.stdout())
        .doesNotContain(KeyFiles.readKeyPair(folder.resolve("algo.key_secret")).secretKey());
  }

  @Test
  void portfolioWithTheClientKeys_printsTheBookOfAnAlgoWithCurve() throws Exception {
    String address = freeAddress();
    startWithCurve(address);
    try (RpcClient keyed = RpcClient.builder(address).timeout(ANSWER).curve(bridge()).build()) {
      keyed.invoke("initialize", Map.of("cash", 1234));
    }

    ManagedProcess portfolio =
        run(
            "portfolio",
            List.of(
                "portfolio",
                address,
                "--curve-server-key",
                folder.resolve("algo.key").toString(),
                "--curve-secret-key-file",
                folder.resolve("clients").resolve("bridge.key_secret").toString()));
    assertThat(portfolio.awaitExit(START)).as("portfolio exited").isTrue();
    assertThat(portfolio.exitValue()).as("portfolio's exit code; " + portfolio).isZero();
    assertThat(portfolio.stdout()).contains("cash 1234.00");
  }

  /** An algo-service with its key pair in the folder, allowing the key pair in clients/bridge. */
  private ManagedProcess startWithCurve(String address) throws Exception {
    Path clients = Files.createDirectory(folder.resolve("clients"));
    keygen("algo", folder);
    keygen("bridge", clients);
    return algo(
            address,
            "--curve-secret-key-file",
            folder.resolve("algo.key_secret").toString(),
            "--curve-clients",
            clients.toString())
        .awaitLog("CURVE on: server public key", START);
  }

  private ClientCredentials bridge() throws IOException {
    return new ClientCredentials(
        KeyFiles.readKeyPair(folder.resolve("clients").resolve("bridge.key_secret")),
        KeyFiles.readPublicKey(folder.resolve("algo.key")));
  }

  @Test
  void plainRpcOnAllInterfaces_warnsAtStartThatAnyoneCanDriveTheAlgorithm() {
    ManagedProcess algo = algo("tcp://0.0.0.0:" + ProjectPaths.freePort());

    assertThat(algo.stderr()).contains("CURVE off on tcp://0.0.0.0:", EXPOSED);
  }

  @Test
  void plainRpcOnLoopback_saysCurveIsOffWithoutWarning() {
    ManagedProcess algo = algo(freeAddress());

    assertThat(algo.stderr()).contains("CURVE off: plain RPC on tcp://127.0.0.1:");
    assertThat(algo.stderr()).doesNotContain(EXPOSED, "WARN");
  }

  @Test
  void secretKeyFileWithoutClients_exitsTwoNamingTheMissingOption() throws Exception {
    keygen("algo", folder);
    ManagedProcess algo =
        exited(
            freeAddress(), "--curve-secret-key-file", folder.resolve("algo.key_secret").toString());

    assertThat(algo.exitValue()).isEqualTo(2);
    assertThat(algo.stderr())
        .contains("algo-service: --curve-clients is required with --curve-secret-key-file");
  }

  @Test
  void missingSecretKeyFile_exitsTwoNamingIt() throws Exception {
    Path missing = folder.resolve("nowhere.key_secret");
    ManagedProcess algo =
        exited(
            freeAddress(),
            "--curve-secret-key-file",
            missing.toString(),
            "--curve-clients",
            folder.toString());

    assertThat(algo.exitValue()).isEqualTo(2);
    assertThat(algo.stderr())
        .contains("algo-service: --curve-secret-key-file " + missing + ": no such file");
  }

  private ManagedProcess keygen(String name, Path out) throws InterruptedException, IOException {
    ManagedProcess keygen = run("keygen", List.of("keygen", "--out", out.toString(), name));
    assertThat(keygen.awaitExit(START)).as("keygen exited").isTrue();
    assertThat(keygen.exitValue()).as("keygen's exit code").isZero();
    return keygen;
  }

  private ManagedProcess algo(String address, String... options) {
    return start(address, options).awaitOutput("serving on", START);
  }

  private ManagedProcess exited(String address, String... options) throws InterruptedException {
    ManagedProcess algo = start(address, options);
    assertThat(algo.awaitExit(START)).as("exited").isTrue();
    return algo;
  }

  private ManagedProcess start(String address, String... options) {
    List<String> args = new ArrayList<>(List.of("--addr", address, "--seed", "1"));
    args.addAll(List.of(options));
    return run("algo-service on " + address, args);
  }

  private ManagedProcess run(String name, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProjectPaths.java(), "-jar", ProjectPaths.serviceJar("algo-service").toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("ALGO_"));
    return started.add(ManagedProcess.start(name, builder));
  }

  private static String freeAddress() {
    return "tcp://127.0.0.1:" + ProjectPaths.freePort();
  }
}
