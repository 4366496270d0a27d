package io.intuition.bridge.app;

import io.intuition.bridge.discovery.AlgoLocator;
import io.intuition.bridge.discovery.BridgeAnnouncement;
import io.intuition.bridge.forward.ForwardSettings;
import io.intuition.bridge.forward.Forwarder;
import io.intuition.bridge.forward.Stats;
import io.intuition.bridge.mqtt.MqttLink;
import io.intuition.bridge.rpc.SwitchableRpcAlgo;
import io.intuition.common.cli.HttpOptions;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.PublishRefusedException;
import io.intuition.common.ops.Health;
import io.intuition.common.ops.OpsServer;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.common.zmq.EventLoop;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the broker link, the forwarder and the RPC client, and runs them until stopped.
 *
 * <p>One event loop runs the forwarder and owns the RPC client's socket, so a quote goes from the
 * MQTT client's thread to the loop, and from there to the algorithm, without another hand-off.
 */
final class Bridge {
  private static final Logger log = LoggerFactory.getLogger(Bridge.class);
  private static final Duration DRAIN = Duration.ofSeconds(3);
  private static final Duration CLOSE_LIMIT = Duration.ofMillis(4_500);
  private static final Duration TICK = Duration.ofMillis(50);
  private static final Duration ANNOUNCE_DEATH = Duration.ofMillis(500);

  /**
   * Everything the bridge is configured with: the algo is at {@code rpc}, or, when {@code algoName}
   * is set, wherever it announces itself; {@code self} is what the bridge announces of itself, its
   * will already in {@code mqtt}; {@code sharedGroup}, when not null, the group whose shared
   * subscriptions it takes the algo's channels through.
   */
  record Config(
      MqttSettings mqtt,
      String sharedGroup,
      String rpc,
      String algoName,
      BridgeAnnouncement self,
      ClientCredentials curve,
      Duration rpcTimeout,
      ForwardSettings forward,
      HttpOptions http) {}

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
  private final AtomicReference<PublishRefusedException> refused = new AtomicReference<>();

  Bridge(Config config, Control control, PrintWriter err) {
    this.config = config;
    this.control = control;
    this.err = err;
  }

  /** Runs until stopped; returns the exit code. */
  int run() throws InterruptedException {
    Lifecycle lifecycle = control.lifecycle();
    EventLoop loop = EventLoop.start("bridge");
    SwitchableRpcAlgo algo =
        new SwitchableRpcAlgo(address -> client(loop, address), config.rpcTimeout());
    if (config.algoName() == null) {
      try {
        loop.call(() -> algo.switchTo(config.rpc()), CLOSE_LIMIT);
      } catch (RpcException e) {
        loop.close();
        err.println("bridge-service: " + e.getMessage());
        return 2;
      }
    }
    lifecycle.stopOnSignal("bridge");
    log.info(
        "{} {}: algo {}{}, broker {}",
        BridgeMain.BUILD.name(),
        BridgeMain.BUILD.version(),
        config.algoName() == null
            ? "at " + config.rpc()
            : config.algoName() + ", where it announces itself",
        config.curve() == null ? "" : " with CURVE",
        config.mqtt().url());
    try (loop;
        algo;
        MqttLink mqtt = new MqttLink(config.mqtt(), config.sharedGroup(), this::refused)) {
      return run(loop, algo, mqtt, lifecycle);
    } finally {
      lifecycle.closed();
    }
  }

  private RpcClient client(EventLoop loop, String address) {
    return RpcClient.builder(address)
        .timeout(config.rpcTimeout())
        .eventLoop(loop)
        .curve(config.curve())
        .build();
  }

  /** A publish the broker refused for good: the bridge stops, since each order would be too. */
  private void refused(PublishRefusedException refusal) {
    if (refused.compareAndSet(null, refusal)) {
      control.lifecycle().stop();
    }
  }

  private int run(EventLoop loop, SwitchableRpcAlgo algo, MqttLink mqtt, Lifecycle lifecycle)
      throws InterruptedException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Forwarder forwarder =
        new Forwarder(
            config.forward(),
            algo,
            mqtt,
            loop,
            reason -> {
              fatal.set(reason);
              lifecycle.stop();
            },
            registry);
    control.stats = forwarder.stats();
    Health health =
        new Health()
            .addBroker(config.mqtt().url(), mqtt::isConnected)
            .add("algo", forwarder::algoStatus);
    // before the algo's channels are known: each birth from then on says where the endpoint is
    OpsServer ops;
    try {
      ops = config.http().start(registry, health);
      config.self().serving(config.http().advertised(ops));
    } catch (UncheckedIOException e) {
      err.println("bridge-service: --http-port: " + e.getMessage());
      return 2;
    }
    mqtt.whenSubscribed(channels -> config.self().subscribed(channels).ifPresent(mqtt::announce));
    if (config.algoName() == null) {
      loop.execute(forwarder::start);
    } else {
      AlgoLocator locator =
          new AlgoLocator(config.algoName(), new Following(loop, algo, forwarder::start));
      mqtt.watch(locator.topic(), locator::received);
      locator.start();
    }
    loop.execute(() -> loop.every(TICK, forwarder::tick));
    try {
      if (mqtt.connect(lifecycle, forwarder::offer)) {
        lifecycle.awaitStop();
      }
    } catch (BrokerRefusedException e) {
      err.println("bridge-service: " + e.getMessage());
      return BrokerRefusedException.EXIT_CODE;
    } finally {
      if (ops != null) {
        ops.close();
      }
    }
    mqtt.stopIntake();
    CountDownLatch stopped = new CountDownLatch(1);
    loop.execute(() -> forwarder.stop(DRAIN, stopped::countDown));
    stopped.await(DRAIN.plusMillis(500).toMillis(), TimeUnit.MILLISECONDS);
    config.self().stop(ANNOUNCE_DEATH);
    if (refused.get() != null) {
      // the message stays unacknowledged: the broker delivers it again once the ACL allows it
      err.println("bridge-service: " + refused.get().getMessage());
      return BrokerRefusedException.EXIT_CODE;
    }
    if (fatal.get() != null) {
      err.println("bridge-service: " + fatal.get());
      return 1;
    }
    return 0;
  }
}
