package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/services.sh} against a real Mosquitto and a real feed-service. */
class ServicesScriptIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path temp;

  @Test
  void services_listsARunningFeedThenItsDeathOnceKilled() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        ManagedProcess feed = feed(broker)) {
      await("the feed listed online")
          .atMost(TIMEOUT)
          .until(() -> list(broker).stdout().matches("(?s).*feed +f1 +online +quotes .*"));

      feed.kill();

      await("the feed listed offline")
          .atMost(TIMEOUT)
          .until(() -> list(broker).stdout().matches("(?s).*feed +f1 +offline +- .*"));
    }
  }

  @Test
  void services_brokerUnreachable_printsOneLineAndExitsOne() throws Exception {
    String url = "mqtt://127.0.0.1:" + ProjectPaths.freePort();
    try (ManagedProcess services = script("--mqtt", url, "--timeout", "1")) {
      assertThat(services.awaitExit(TIMEOUT)).isTrue();

      assertThat(services.exitValue()).isEqualTo(1);
      assertThat(services.stderr().lines())
          .containsExactly("services: broker " + url + " unreachable within 1 s");
    }
  }

  private ManagedProcess list(MosquittoBroker broker) throws InterruptedException {
    try (ManagedProcess services = script("--mqtt", broker.mqttUrl(), "--wait", "300")) {
      assertThat(services.awaitExit(TIMEOUT)).isTrue();
      assertThat(services.exitValue()).as("%s", services).isZero();
      assertThat(services.stdout()).startsWith("KIND  NAME  STATE");
      return services;
    }
  }

  private ManagedProcess feed(MosquittoBroker broker) {
    List<String> command =
        List.of(
            ProjectPaths.java(),
            "-jar",
            ProjectPaths.serviceJar("feed-service").toString(),
            "--mqtt",
            broker.mqttUrl(),
            "--name",
            "f1",
            "--rate",
            "2");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("FEED_"));
    return ManagedProcess.start("feed-service", builder);
  }

  private ManagedProcess script(String... args) {
    List<String> command =
        new ArrayList<>(List.of(Repository.path("scripts/services.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SERVICES_"));
    return ManagedProcess.start("services.sh", builder);
  }
}
