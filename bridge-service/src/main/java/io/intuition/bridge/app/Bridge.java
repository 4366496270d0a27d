package io.intuition.bridge.app;

import io.intuition.bridge.forward.ForwardSettings;
import io.intuition.bridge.forward.Forwarder;
import io.intuition.bridge.forward.Stats;
import io.intuition.bridge.mqtt.MqttLink;
import io.intuition.bridge.mqtt.MqttSettings;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.client.RpcClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the broker link, the forwarder and the RPC client, and runs them until stopped. */
final class Bridge {
  private static final Logger log = LoggerFactory.getLogger(Bridge.class);
  private static final Duration DRAIN = Duration.ofSeconds(3);
  private static final Duration CLOSE_LIMIT = Duration.ofMillis(4_500);

  /** Everything the bridge is configured with. */
  record Config(MqttSettings mqtt, String rpc, Duration rpcTimeout, ForwardSettings forward) {}

  /** How a caller stops the bridge and watches it. */
  static final class Control {
    private final Lifecycle lifecycle = new Lifecycle(CLOSE_LIMIT);
    private volatile Stats stats;

    Lifecycle lifecycle() {
      return lifecycle;
    }

    /** The counters of the running bridge, or null before it starts. */
    Stats stats() {
      return stats;
    }
  }

  private final Config config;
  private final Control control;
  private final PrintWriter err;
  private final AtomicReference<String> fatal = new AtomicReference<>();

  Bridge(Config config, Control control, PrintWriter err) {
    this.config = config;
    this.control = control;
    this.err = err;
  }

  /** Runs until stopped; returns the exit code. */
  int run() throws InterruptedException {
    Lifecycle lifecycle = control.lifecycle();
    RpcClient rpc;
    try {
      rpc = RpcClient.connect(config.rpc(), config.rpcTimeout());
    } catch (RpcException e) {
      err.println("bridge-service: " + e.getMessage());
      return 2;
    }
    lifecycle.stopOnSignal("bridge");
    log.info(
        "{} {}: algo at {}, broker {}",
        BridgeMain.BUILD.name(),
        BridgeMain.BUILD.version(),
        config.rpc(),
        config.mqtt().url());
    try (rpc) {
      return run(rpc, lifecycle);
    } finally {
      lifecycle.closed();
    }
  }

  private int run(RpcClient rpc, Lifecycle lifecycle) throws InterruptedException {
    MqttLink mqtt;
    try {
      mqtt = new MqttLink(config.mqtt());
    } catch (MqttException e) {
      err.println(
          "bridge-service: cannot use broker " + config.mqtt().url() + ": " + e.getMessage());
      return 2;
    }
    Forwarder forwarder =
        new Forwarder(
            config.forward(),
            new RpcAlgo(rpc, config.rpcTimeout()),
            mqtt,
            reason -> {
              fatal.set(reason);
              lifecycle.stop();
            });
    control.stats = forwarder.stats();
    Thread thread = new Thread(forwarder, "forwarder");
    thread.start();
    try (mqtt) {
      if (mqtt.connect(lifecycle, forwarder::offer)) {
        lifecycle.awaitStop();
      }
      mqtt.stopIntake();
      forwarder.stop(DRAIN);
      thread.join(DRAIN.plusMillis(500).toMillis());
    }
    if (fatal.get() != null) {
      err.println("bridge-service: " + fatal.get());
      return 1;
    }
    return 0;
  }
}
