package io.intuition.launcher.run;

import io.intuition.launcher.broker.BrokerAddress;
import io.intuition.launcher.broker.MosquittoBinary;
import io.intuition.launcher.broker.MosquittoFinder;
import io.intuition.launcher.process.JavaService;
import io.intuition.launcher.process.Processes;
import io.intuition.launcher.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's broker: the one listening at {@code --mqtt}, or one started there on this machine,
 * Mosquitto when installed, else the embedded broker ({@code broker/target/broker.jar}).
 */
final class Broker {
  static final String NAME = "broker";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private final BrokerAddress address;
  private final Map<String, String> environment;

  Broker(BrokerAddress address, Map<String, String> environment) {
    this.address = address;
    this.environment = Map.copyOf(environment);
  }

  /**
   * Starts a broker unless one listens already.
   *
   * @return whether it started one
   * @throws RunFailure if none listens and the address is not this machine's, or it does not start
   */
  boolean start(Path root, RunFolder folder, Started started, Console console, Duration limit)
      throws InterruptedException {
    if (Processes.listening(address.host(), address.port(), PROBE_TIMEOUT)) {
      console.say("broker: using the one already listening at " + hostPort(address.host()));
      return false;
    }
    if (!address.isLocal()) {
      throw new RunFailure(
          "nothing listens at "
              + hostPort(address.host())
              + ", and run.sh starts brokers only on this machine (localhost, 127.x.x.x)");
    }
    String listen = address.listenHost();
    Optional<MosquittoBinary> mosquitto = mosquitto();
    ServiceProcess broker;
    if (mosquitto.isPresent()) {
      Path config = folder.write("mosquitto.conf", mosquittoConf(listen, folder.directory()));
      String path = mosquitto.get().path().toString();
      broker = started.start(NAME, new ProcessBuilder(path, "-c", config.toString()));
      console.say(
          "broker: started mosquitto ("
              + path
              + ") on "
              + hostPort(listen)
              + ", pid "
              + broker.pid());
    } else {
      Path jar = root.resolve("broker/target/broker.jar");
      List<String> args = List.of("--host", listen, "--port", Integer.toString(address.port()));
      broker = started.start(NAME, new ProcessBuilder(JavaService.command(jar, List.of(), args)));
      console.say(
          "broker: mosquitto is not installed: started the embedded broker (Moquette) on "
              + hostPort(listen)
              + ", pid "
              + broker.pid());
    }
    awaitListening(broker, listen, limit);
    return true;
  }

  private Optional<MosquittoBinary> mosquitto() {
    if ("1".equals(environment.get("INTUITION_NO_MOSQUITTO"))) {
      return Optional.empty();
    }
    return new MosquittoFinder(environment, System.getProperties()).system();
  }

  private void awaitListening(ServiceProcess broker, String listen, Duration limit)
      throws InterruptedException {
    String what = "listening on port " + address.port();
    Runnable requireAlive =
        () -> {
          if (!broker.isAlive()) {
            throw new RunFailure(NAME + " exited before " + what + "; its log: " + broker.log());
          }
        };
    if (!Processes.awaitListening(listen, address.port(), limit, requireAlive)) {
      throw new RunFailure(
          NAME
              + " did not get "
              + what
              + " within "
              + limit.toSeconds()
              + " s; its log: "
              + broker.log());
    }
  }

  /**
   * The repository's mosquitto/mosquitto.conf is the container's (all interfaces, /mosquitto/data):
   * this one keeps the same delivery settings, for this machine only and this run's folder.
   */
  String mosquittoConf(String listen, Path directory) {
    StringBuilder conf = new StringBuilder();
    conf.append("listener ").append(address.port()).append(' ').append(listen).append('\n');
    conf.append("allow_anonymous true\n");
    conf.append("persistence true\n");
    conf.append("persistence_location ").append(directory).append("/\n");
    conf.append("# the default, 1000, drops quotes queued for a bridge that falls behind\n");
    conf.append("max_queued_messages 0\n");
    conf.append("# the bridge's receive window (default 20); see mosquitto/mosquitto.conf\n");
    conf.append("max_inflight_messages 1000\n");
    conf.append("set_tcp_nodelay true\n");
    String user = System.getProperty("user.name");
    if ("root".equals(user)) {
      // as root, mosquitto switches to the user mosquitto, who cannot write to the run folder
      conf.append("user ").append(user).append('\n');
    }
    return conf.toString();
  }

  private String hostPort(String host) {
    return host + ":" + address.port();
  }
}
