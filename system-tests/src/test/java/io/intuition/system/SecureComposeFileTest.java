package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.system.ComposeService.Mount;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.secure.yml runs the broker with secure.conf and gives every client a login. */
class SecureComposeFileTest {
  private static final ComposeFile COMPOSE = ComposeFile.read("docker-compose.yml");
  private static final ComposeFile SECURE = ComposeFile.read("docker-compose.secure.yml");
  private static final MosquittoConf CONF = MosquittoConf.read("mosquitto/secure.conf");
  private static final Acl ACL = Acl.read("mosquitto/acl");

  @Test
  void secureConf_replacesTheBrokersConfiguration() {
    Mount conf = SECURE.service("mosquitto").mountAt("/mosquitto/config/mosquitto.conf");

    assertThat(conf.source()).isEqualTo("./mosquitto/secure.conf");
    // compose merges volumes by their target: this one takes the place of mosquitto.conf
    assertThat(COMPOSE.service("mosquitto").mountAt(conf.target()).source())
        .isEqualTo("./mosquitto/mosquitto.conf");
  }

  @Test
  void passwordAndAclFiles_areMountedWhereSecureConfReadsThem() {
    ComposeService mosquitto = SECURE.service("mosquitto");

    assertThat(mosquitto.mountAt(CONF.value("acl_file")).source()).isEqualTo("./mosquitto/acl");
    Mount passwords = mosquitto.mountAt(CONF.value("password_file"));
    assertThat(passwords.source()).isEqualTo("./mosquitto/passwords");
    // the short syntax would create a directory where the file is missing
    assertThat(passwords.type()).isEqualTo("bind");
    assertThat(mosquitto.node().path("volumes"))
        .filteredOn(volume -> volume.path("target").asText().equals(passwords.target()))
        .singleElement()
        .satisfies(
            volume ->
                assertThat(volume.path("bind").path("create_host_path").asBoolean(true)).isFalse());
  }

  @Test
  void passwordFile_isNeitherCommittedNorSentToImageBuilds() {
    assertThat(Repository.read("mosquitto/.gitignore").lines()).contains("passwords");
    assertThat(Repository.read(".dockerignore").lines()).contains("mosquitto/passwords");
  }

  @Test
  void everyBrokerClient_logsInAsAUserOfTheAcl() {
    COMPOSE
        .builtServices()
        .forEach(
            (name, service) -> {
              ServiceCli cli = ServiceCli.of(name);
              if (cli.hasOption("--mqtt")) {
                ComposeService secure = SECURE.service(name);
                assertThat(cli.value("--username", secure))
                    .as("%s's user", name)
                    .hasValueSatisfying(user -> assertThat(ACL.grants()).containsKey(user));
                String password = cli.passwordVariable().orElseThrow();
                assertThat(secure.resolvedEnvironment(password))
                    .as("%s's password, %s", name, password)
                    .isPresent();
              }
            });
  }

  @Test
  void healthcheck_logsInAsTheBridgeWithItsPassword() {
    ComposeService mosquitto = SECURE.service("mosquitto");
    String healthcheck = String.join(" ", mosquitto.healthcheck());
    // $$ leaves the variable to the container's shell; a single $ would be compose's, from the host
    Matcher login = Pattern.compile("-u (\\S+) -P \"\\$\\$(\\w+)\"").matcher(healthcheck);

    assertThat(login.find()).as(healthcheck).isTrue();
    assertThat(login.group(1)).isEqualTo("bridge");
    String bridgePassword = ServiceCli.BRIDGE.passwordVariable().orElseThrow();
    assertThat(mosquitto.environment().get(login.group(2)))
        .isNotNull()
        .isEqualTo(SECURE.service("bridge").environment().get(bridgePassword));
  }
}
