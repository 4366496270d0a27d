package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker's configurations on the real mosquitto binary. The container's paths and port become a
 * temporary folder and a free port on loopback; nothing else of the files changes.
 */
class MosquittoConfigIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final int NOT_AUTHORISED = 5; // mosquitto_sub's exit code for a refused login

  @TempDir Path dir;
  private final int port = ProjectPaths.freePort();
  private Secrets secrets;
  private boolean tls;

  @ParameterizedTest
  @ValueSource(strings = {"mosquitto/mosquitto.conf", "mosquitto/secure.conf"})
  void config_startsTheBrokerWhichSavesItsDatabaseOnStop(String file) throws Exception {
    try (ManagedProcess broker = start(file)) {
      assertThat(broker.terminate(Duration.ofSeconds(10))).as("%s", broker).isTrue();
      assertThat(broker.exitValue()).as("%s", broker).isZero();
    }
    assertThat(dir.resolve("data/mosquitto.db")).isRegularFile();
  }

  @Test
  void mosquittoConf_letsAnonymousClientsIn() throws Exception {
    try (ManagedProcess broker = start("mosquitto/mosquitto.conf")) {
      assertThat(subscribe()).as("%s", broker).isZero();
    }
  }

  @Test
  void secureConf_refusesAnonymousClientsAndWrongPasswordsAndLetsItsUsersIn() throws Exception {
    try (ManagedProcess broker = start("mosquitto/secure.conf")) {
      assertThat(subscribe()).as("anonymous; %s", broker).isEqualTo(NOT_AUTHORISED);
      assertThat(subscribe("-u", "bridge", "-P", "wrong")).isEqualTo(NOT_AUTHORISED);
      assertThat(subscribe("-u", "bridge", "-P", secrets.password("bridge")))
          .as("%s", broker)
          .isZero();
      assertThat(subscribe("-u", "feed", "-P", secrets.password("feed"))).as("%s", broker).isZero();
    }
  }

  @Test
  void secureConf_letsEveryUserOfTheAclInWithThePasswordTheScriptMade() throws Exception {
    try (ManagedProcess broker = start("mosquitto/secure.conf")) {
      // the broker acknowledges a subscription to a topic the user may not read, too
      for (String user : Acl.read("mosquitto/acl").grants().keySet()) {
        assertThat(subscribe("-u", user, "-P", secrets.password(user)))
            .as("%s; %s", user, broker)
            .isZero();
      }
    }
  }

  @Test
  void secureConf_takesNoClientInTheClear() throws Exception {
    try (ManagedProcess broker = start("mosquitto/secure.conf")) {
      tls = false;
      assertThat(subscribe("-u", "bridge", "-P", secrets.password("bridge")))
          .as("%s", broker)
          .isNotZero();
    }
  }

  private ManagedProcess start(String file) throws IOException {
    if (file.endsWith("secure.conf")) {
      secrets = Secrets.make(dir.resolve("secrets"));
      tls = true;
    }
    return ConfiguredBroker.start(file, dir, port, secrets);
  }

  /** Subscribes to quotes and exits once the broker acknowledges: returns the exit code. */
  private int subscribe(String... login) {
    List<String> command =
        new ArrayList<>(List.of("mosquitto_sub", "-p", String.valueOf(port), "-t", "quotes"));
    command.addAll(List.of("-E", "-W", "5"));
    if (tls) {
      // the broker's certificate names localhost, not 127.0.0.1's reverse name
      command.addAll(List.of("-h", "localhost", "--cafile", dir.resolve("tls/ca.crt").toString()));
    }
    command.addAll(List.of(login));
    return ConfiguredBroker.run(command);
  }
}
