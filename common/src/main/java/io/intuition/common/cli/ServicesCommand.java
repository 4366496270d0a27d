package io.intuition.common.cli;

import io.intuition.common.discovery.Directory;
import io.intuition.common.discovery.ServiceTable;
import io.intuition.common.discovery.Topics;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code services} subcommand that the services' jars register: lists what announced itself on
 * {@code services/#}, from the retained messages, as a table. Its MQTT options read the variables
 * of the prefix {@code SERVICES}, whichever jar runs it.
 */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Lists the services that announced themselves on MQTT (retained on services/<kind>/<name>):"
          + " KIND NAME STATE RPC/CHANNELS HTTP VERSION STARTED SEQ, alive first, then offline."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:listed (none is a list too)",
      "1:the broker could not be reached within --timeout",
      "2:invalid command line (such as a malformed --mqtt URL)",
      BrokerRefusedException.EXIT_CODE + ":the broker refused the connection (login, TLS)"
    })
public final class ServicesCommand implements Callable<Integer> {
  @Mixin(name = "mqtt")
  MqttOptions mqtt = new MqttOptions("SERVICES", "services-<8 random hex digits>");

  @Option(
      names = "--wait",
      defaultValue = "${env:SERVICES_WAIT:-500}",
      paramLabel = "MS",
      description =
          "Collect until no announcement came for MS milliseconds: the broker sends the retained"
              + " ones at once (env SERVICES_WAIT, default ${DEFAULT-VALUE}).")
  long waitMs;

  @Option(
      names = "--timeout",
      defaultValue = "${env:SERVICES_TIMEOUT:-5}",
      paramLabel = "SECONDS",
      description =
          "Give up when the broker cannot be reached, or the announcements do not stop coming,"
              + " within SECONDS (env SERVICES_TIMEOUT, default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    MqttSettings settings;
    try {
      if (waitMs < 0 || timeoutSeconds < 1) {
        throw new IllegalArgumentException(
            "--wait must not be negative and --timeout must be positive, but were "
                + waitMs
                + " and "
                + timeoutSeconds);
      }
      settings = mqtt.settings(randomClientId()).build();
    } catch (IllegalArgumentException e) {
      return fail(2, e.getMessage());
    }
    Directory directory = new Directory();
    Lifecycle lifecycle = new Lifecycle(Duration.ZERO);
    CompletableFuture.delayedExecutor(timeoutSeconds, TimeUnit.SECONDS).execute(lifecycle::stop);
    try (MqttConnection connection = MqttConnection.create(settings, directory.handler())) {
      if (!connection.connect(lifecycle)) {
        return fail(1, "broker " + settings.url() + " unreachable within " + timeoutSeconds + " s");
      }
      directory.watch(connection, Topics.ALL);
      directory.awaitQuiet(Duration.ofMillis(waitMs), Duration.ofSeconds(timeoutSeconds));
    } catch (BrokerRefusedException e) {
      return fail(BrokerRefusedException.EXIT_CODE, e.getMessage());
    }
    ServiceTable.print(directory.snapshot(), spec.commandLine().getOut());
    return 0;
  }

  private int fail(int code, String message) {
    spec.commandLine().getErr().println("services: " + message);
    return code;
  }

  private static String randomClientId() {
    return String.format("services-%08x", ThreadLocalRandom.current().nextInt());
  }
}
