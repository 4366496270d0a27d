package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

import io.intuition.system.ComposeService.Build;
import io.intuition.system.ComposeService.Mount;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;

/** docker-compose.yml (and the secure override) agree with the services and with themselves. */
class ComposeFileTest {
  private static final ComposeFile COMPOSE = ComposeFile.read("docker-compose.yml");
  private static final ComposeFile SECURE = ComposeFile.read("docker-compose.secure.yml");
  // made by scripts/make-secrets.sh, never committed (SecureSuiteIT runs it and checks them)
  private static final String SECRETS = "./secrets/";

  static Stream<ComposeFile> composeFiles() {
    return Stream.of(COMPOSE, SECURE);
  }

  @Test
  void builtServices_areTheServicesWithACommandLine() {
    assertThat(COMPOSE.builtServices().keySet())
        .containsExactlyInAnyOrder(
            Arrays.stream(ServiceCli.values()).map(ServiceCli::service).toArray(String[]::new));
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void environment_setsOnlyVariablesTheCommandLinesRead(ComposeFile file) {
    for (ComposeService service : file.services().values()) {
      ServiceCli.find(service.name())
          .ifPresent(
              cli ->
                  assertThat(service.environment().keySet())
                      .as("%s: environment of %s", file, service.name())
                      .isSubsetOf(cli.variables()));
    }
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void environment_valuesAreAcceptedByTheCommandLines(ComposeFile file) {
    for (ComposeService service : file.services().values()) {
      ServiceCli.find(service.name())
          .ifPresent(
              cli -> {
                String[] args = arguments(cli, service);
                assertThat(args).as("%s: %s", file, service.name()).isNotEmpty();
                assertThatCode(() -> cli.commandLine().parseArgs(args))
                    .as("%s: %s %s", file, service.name(), String.join(" ", args))
                    .doesNotThrowAnyException();
              });
    }
  }

  @Test
  void builds_takeTheRepositoryAsContextAndTheOneDockerfileWithTheirModule() {
    assertThat(COMPOSE.builtServices()).isNotEmpty();
    COMPOSE
        .builtServices()
        .forEach(
            (name, service) -> {
              Build build = service.build().orElseThrow();
              assertThat(build.context()).as(name).isEqualTo(".");
              assertThat(build.dockerfile()).as(name).isEqualTo("Dockerfile");
              assertThat(build.args())
                  .as(name)
                  .containsExactly(entry("MODULE", ServiceCli.of(name).module()));
              assertThat(Repository.path(build.dockerfile())).as(name).isRegularFile();
            });
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void bindMounts_areReadOnlyFilesOfTheRepository(ComposeFile file) {
    for (ComposeService service : file.services().values()) {
      for (Mount mount : service.volumes()) {
        if (mount.isBind()) {
          assertThat(mount.readOnly()).as("%s: %s", file, mount).isTrue();
          if (!mount.source().startsWith(SECRETS)) {
            assertThat(Repository.path(mount.source())).as("%s: %s", file, mount).isRegularFile();
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void namedVolumes_areDeclared(ComposeFile file) {
    for (ComposeService service : file.services().values()) {
      for (Mount mount : service.volumes()) {
        if (!mount.isBind()) {
          assertThat(COMPOSE.volumes()).as("%s: %s", file, mount).contains(mount.source());
        }
      }
    }
  }

  @Test
  void dependencies_areServicesWithAHealthcheckWhenWaitedFor() {
    Map<String, ComposeService> services = COMPOSE.services();
    services.forEach(
        (name, service) ->
            service
                .dependsOn()
                .forEach(
                    (dependency, condition) -> {
                      assertThat(services).as("%s depends on", name).containsKey(dependency);
                      assertThat(condition)
                          .isIn(
                              "service_started",
                              "service_healthy",
                              "service_completed_successfully");
                      if (condition.equals("service_healthy")) {
                        assertThat(services.get(dependency).healthcheck())
                            .as("healthcheck of %s, which %s waits for", dependency, name)
                            .isNotEmpty();
                      }
                    }));
    assertThat(COMPOSE.service("bridge").dependsOn())
        .containsEntry("mosquitto", "service_healthy")
        .containsEntry("algo", "service_healthy");
    assertThat(COMPOSE.service("feed").dependsOn()).containsEntry("mosquitto", "service_healthy");
  }

  @Test
  void servicesWithACommandLine_serveHttpAndTheirHealthcheckAsksHealthThere() {
    for (String name : COMPOSE.builtServices().keySet()) {
      ComposeService service = COMPOSE.service(name);
      ServiceCli cli = ServiceCli.find(name).orElseThrow(() -> new AssertionError(name));
      String port =
          cli.value("--http-port", service)
              .orElseThrow(() -> new AssertionError(name + " sets no HTTP port"));
      String healthcheck = String.join(" ", service.healthcheck());

      assertThat(healthcheck)
          .as("healthcheck of %s", name)
          .contains("/dev/tcp/127.0.0.1/" + port)
          .contains("GET /health HTTP/1.0")
          .contains("grep -q ' 200 '");
    }
  }

  @Test
  void services_announceTheirMetricsUnderTheirServiceNameForTheConsole() {
    for (String name : COMPOSE.builtServices().keySet()) {
      if (name.equals(ServiceCli.CONSOLE.service())) {
        continue;
      }
      ComposeService service = COMPOSE.service(name);
      ServiceCli cli = ServiceCli.of(name);

      assertThat(cli.value("--http-advertise", service)).as(name).contains(name);
      assertThat(cli.value("--http-addr", service)).as(name).contains("0.0.0.0");
    }
  }

  @Test
  void console_isPublishedOnTheHostsLoopbackAndWaitsForTheBroker() {
    ComposeService console = COMPOSE.service("console");
    String port = ServiceCli.CONSOLE.value("--http-port", console).orElseThrow();

    assertThat(console.ports()).containsExactly("127.0.0.1:${CONSOLE_PORT:-8080}:" + port);
    assertThat(ServiceCli.CONSOLE.value("--http-addr", console)).contains("0.0.0.0");
    assertThat(console.dependsOn()).containsEntry("mosquitto", "service_healthy");
  }

  @Test
  void algoPort_isWhereTheBridgeCalls() {
    ComposeService algo = COMPOSE.service("algo");
    URI bound = uri(algo, "ALGO_ADDR");
    URI called = uri(COMPOSE.service("bridge"), "BRIDGE_RPC");

    // bound to loopback, the algo would be out of the bridge's reach
    assertThat(bound.getHost()).isEqualTo("0.0.0.0");
    assertThat(called.getHost()).isEqualTo("algo");
    assertThat(called.getPort()).isEqualTo(bound.getPort());
    assertThat(algo.expose()).containsExactly(String.valueOf(bound.getPort()));
  }

  @Test
  void algo_announcesTheAddressTheBridgeCalls() {
    ComposeService algo = COMPOSE.service("algo");
    String announced =
        ServiceCli.ALGO.value("--announce-addr", algo).orElseThrow(() -> new AssertionError(algo));

    // HOST:PORT, announced as a ZeroMQ endpoint (AnnounceAddress)
    assertThat(URI.create("tcp://" + announced))
        .isEqualTo(uri(COMPOSE.service("bridge"), "BRIDGE_RPC"));
  }

  @Test
  void algo_waitsForNoBrokerToStart() {
    // it announces in the background, and the bridge waits for its healthcheck: a broker that is
    // not up yet must not hold the algo back
    assertThat(COMPOSE.service("algo").dependsOn()).isEmpty();
    assertThat(ServiceCli.ALGO.value("--mqtt", COMPOSE.service("algo"))).isPresent();
  }

  @Test
  void brokerPort_isTheListenerThePublishedPortAndWhereClientsConnect() {
    String listener = MosquittoConf.read("mosquitto/mosquitto.conf").value("listener");
    List<String> ports = COMPOSE.service("mosquitto").ports();
    List<URI> clients =
        List.of(
            uri(COMPOSE.service("bridge"), "BRIDGE_MQTT"),
            uri(COMPOSE.service("feed"), "FEED_MQTT"),
            uri(COMPOSE.service("indicators"), "INDICATOR_MQTT"),
            uri(COMPOSE.service("algo"), "ALGO_MQTT"));

    assertThat(ports).hasSize(1);
    assertThat(containerPort(ports.get(0))).isEqualTo(listener);
    for (URI client : clients) {
      assertThat(client.getHost()).as("%s", client).isEqualTo("mosquitto");
      assertThat(String.valueOf(client.getPort())).as("%s", client).isEqualTo(listener);
    }
  }

  @Test
  void brokerPort_isPublishedOnLoopbackOnly_onAHostPortMqttPortSets() {
    String published = COMPOSE.service("mosquitto").ports().get(0);

    assertThat(published).isEqualTo("127.0.0.1:${MQTT_PORT:-1883}:1883");
  }

  @Test
  void brokerConfiguration_isMountedWhereTheImageReadsItAndPersistsToTheVolume() {
    ComposeService mosquitto = COMPOSE.service("mosquitto");
    String location = MosquittoConf.read("mosquitto/mosquitto.conf").value("persistence_location");

    assertThat(mosquitto.mountAt("/mosquitto/config/mosquitto.conf").source())
        .isEqualTo("./mosquitto/mosquitto.conf");
    Mount data = mosquitto.mountAt(location.replaceAll("/$", ""));
    assertThat(data.isBind()).isFalse();
  }

  @Test
  void javaServices_haveTheMemoryLimitTheirHeapIsAShareOf() {
    COMPOSE
        .builtServices()
        .forEach(
            (name, service) -> {
              Build build = service.build().orElseThrow();
              Dockerfile dockerfile = Dockerfile.read(build.dockerfile(), build.args());
              String options = dockerfile.env("JAVA_TOOL_OPTIONS").orElse("");
              assertThat(options)
                  .as("%s JAVA_TOOL_OPTIONS", dockerfile)
                  .contains("-XX:MaxRAMPercentage=");
              assertThat(options).as("%s JAVA_TOOL_OPTIONS", dockerfile).doesNotContain("-Xmx");
              assertThat(service.text("mem_limit")).as("mem_limit of %s", name).isPresent();
            });
  }

  @Test
  void everyService_restartsByItself() {
    COMPOSE
        .services()
        .forEach(
            (name, service) ->
                assertThat(service.text("restart"))
                    .as("restart of %s", name)
                    .hasValueSatisfying(
                        policy ->
                            assertThat(policy).isIn("unless-stopped", "on-failure", "always")));
  }

  /** The command line that sets what {@code service}'s environment sets, option by option. */
  private static String[] arguments(ServiceCli cli, ComposeService service) {
    Map<String, OptionSpec> options = cli.optionsByEnv();
    List<String> args = new ArrayList<>();
    for (String variable : service.environment().keySet()) {
      OptionSpec option = options.get(variable);
      if (option == null) {
        continue; // environment_setsOnlyVariablesTheCommandLinesRead names it
      }
      service
          .resolvedEnvironment(variable)
          .ifPresent(
              value -> {
                if (option.arity().max() == 0) {
                  assertThat(value).as(variable).isIn("true", "false");
                  if (value.equals("true")) {
                    args.add(option.longestName());
                  }
                } else {
                  args.add(option.longestName() + "=" + value);
                }
              });
    }
    return args.toArray(String[]::new);
  }

  private static URI uri(ComposeService service, String variable) {
    String value =
        service
            .resolvedEnvironment(variable)
            .orElseThrow(() -> new AssertionError(service.name() + " sets no " + variable));
    return URI.create(value);
  }

  /** The container's side of a ports entry such as {@code 1883:1883} or {@code 1883:1883/tcp}. */
  private static String containerPort(String mapping) {
    String[] parts = mapping.split("/")[0].split(":");
    return parts[parts.length - 1];
  }
}
