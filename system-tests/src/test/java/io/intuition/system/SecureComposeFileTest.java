package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.system.Acl.Grant;
import io.intuition.system.ComposeService.Mount;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.secure.yml runs the broker with secure.conf (TLS only, logins, an acl), gives
 * every broker client TLS and a login from a file, and the algo and the bridge one CURVE key pair
 * each: all of it mounted from the secrets scripts/make-secrets.sh makes.
 */
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
  void brokersSecrets_areMountedWhereSecureConfReadsThem() {
    ComposeService mosquitto = SECURE.service("mosquitto");

    assertThat(mosquitto.mountAt(CONF.value("acl_file")).source()).isEqualTo("./mosquitto/acl");
    assertThat(secret(mosquitto, CONF.value("password_file"))).isEqualTo("mqtt/passwords");
    assertThat(secret(mosquitto, CONF.value("cafile"))).isEqualTo("tls/ca.crt");
    assertThat(secret(mosquitto, CONF.value("certfile"))).isEqualTo("tls/broker.crt");
    assertThat(secret(mosquitto, CONF.value("keyfile"))).isEqualTo("tls/broker.key");
    assertThat(mosquitto.ports()).containsExactly("127.0.0.1:${MQTTS_PORT:-8883}:8883");
    assertThat(CONF.value("listener")).isEqualTo("8883");
  }

  @Test
  void secrets_areNeitherCommittedNorSentToImageBuilds() {
    assertThat(Repository.read(".gitignore").lines()).contains("secrets/");
    assertThat(Repository.read(".dockerignore").lines()).contains("secrets");
  }

  @Test
  void everyService_speaksTlsWithTheCaAndLogsInAsAUserOfTheAclFromAPasswordFile() {
    // the algo too: it uses the broker only to announce itself, but compose gives it one
    COMPOSE
        .builtServices()
        .forEach(
            (name, service) -> {
              ServiceCli cli = ServiceCli.of(name);
              ComposeService secure = SECURE.service(name);
              URI url =
                  URI.create(
                      cli.value("--mqtt", secure)
                          .orElseThrow(() -> new AssertionError(name + " has no broker")));
              assertThat(url.getScheme()).as("%s's broker", name).isEqualTo("mqtts");
              assertThat(url.getHost()).as("%s's broker", name).isEqualTo("mosquitto");
              assertThat(String.valueOf(url.getPort())).isEqualTo(CONF.value("listener"));
              assertThat(secret(secure, cli.value("--ca-file", secure).orElseThrow()))
                  .isEqualTo("tls/ca.crt");
              String user = cli.value("--username", secure).orElseThrow();
              assertThat(ACL.grants()).as("%s's user", name).containsKey(user);
              assertThat(secret(secure, cli.value("--password-file", secure).orElseThrow()))
                  .isEqualTo("mqtt/" + user + ".password");
              assertThat(secure.environment()).doesNotContainKey(cli.passwordVariable().get());
            });
  }

  @Test
  void algo_logsInAsAlgo_whoMayReadAndWriteItsOwnAnnouncementOnly() {
    String name = ServiceCli.ALGO.value("--name", COMPOSE.service("algo")).orElseThrow();

    assertThat(ServiceCli.ALGO.value("--username", SECURE.service("algo"))).contains("algo");
    // the one level of the grant's + is the algo's name
    assertThat(ACL.grants().get("algo")).containsExactly(new Grant("readwrite", "services/algo/+"));
    assertThat(name).doesNotContain("/", "+", "#");
  }

  @Test
  void algoAndBridge_holdTheTwoHalvesOfEachCurveKeyPair() {
    ComposeService algo = SECURE.service("algo");
    ComposeService bridge = SECURE.service("bridge");
    ServiceCli algoCli = ServiceCli.ALGO;
    ServiceCli bridgeCli = ServiceCli.BRIDGE;

    assertThat(secret(algo, algoCli.value("--curve-secret-key-file", algo).orElseThrow()))
        .isEqualTo("curve/algo.key_secret");
    assertThat(secret(algo, algoCli.value("--curve-clients", algo).orElseThrow()))
        .isEqualTo("curve/clients");
    assertThat(secret(bridge, bridgeCli.value("--curve-server-key", bridge).orElseThrow()))
        .isEqualTo("curve/algo.key");
    assertThat(secret(bridge, bridgeCli.value("--curve-secret-key-file", bridge).orElseThrow()))
        .isEqualTo("curve/bridge.key_secret");
  }

  @Test
  void console_callsTheAlgoWithAKeyPairOfItsOwn_andOnlyReads() {
    ComposeService console = SECURE.service("console");
    ServiceCli cli = ServiceCli.CONSOLE;

    assertThat(secret(console, cli.value("--curve-server-key", console).orElseThrow()))
        .isEqualTo("curve/algo.key");
    assertThat(secret(console, cli.value("--curve-secret-key-file", console).orElseThrow()))
        .isEqualTo("curve/console.key_secret");
    assertThat(cli.value("--username", console)).contains("console");
    assertThat(ACL.grants().get("console")).allMatch(grant -> grant.access().equals("read"));
  }

  @Test
  void healthcheck_logsInOverTlsAsTheBridgeWithItsPasswordFile() {
    ComposeService mosquitto = SECURE.service("mosquitto");
    String healthcheck = String.join(" ", mosquitto.healthcheck());

    assertThat(healthcheck)
        .contains("-p " + CONF.value("listener"))
        .contains("--cafile " + CONF.value("cafile"))
        .contains("-u bridge")
        // $$ leaves the command substitution to the container's shell
        .contains("-P \"$$(cat /run/secrets/bridge.password)\"");
    assertThat(secret(mosquitto, "/run/secrets/bridge.password")).isEqualTo("mqtt/bridge.password");
  }

  /**
   * What {@code service} mounts at {@code target}, as a path in scripts/make-secrets.sh's folder;
   * fails unless it is a read-only bind of a file under ./secrets/ that compose does not create.
   */
  private static String secret(ComposeService service, String target) {
    Mount mount = service.mountAt(target);
    assertThat(mount.type()).as("%s", mount).isEqualTo("bind");
    assertThat(mount.readOnly()).as("%s", mount).isTrue();
    assertThat(mount.source()).as("%s", mount).startsWith("./secrets/");
    assertThat(service.node().path("volumes"))
        .filteredOn(volume -> volume.path("target").asText().equals(target))
        .singleElement()
        .satisfies(
            volume ->
                assertThat(volume.path("bind").path("create_host_path").asBoolean(true))
                    .as("%s: create_host_path", mount)
                    .isFalse());
    return mount.source().substring("./secrets/".length());
  }
}
