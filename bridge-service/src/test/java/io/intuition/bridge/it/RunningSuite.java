package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The whole suite running for a test: its own broker, an algo-service and a bridge-service as real
 * processes, and a probe subscribed to the orders and the rejections. Each process can be crashed
 * and restarted; {@linkplain #startBehindProxies behind proxies}, the bridge's {@linkplain
 * BridgeLinks links} to the broker and to the algo can be cut.
 */
public final class RunningSuite implements AutoCloseable {
  static final String REJECTED = "quotes/rejected";

  /** The client id of a bridge started behind proxies: its session outlives a restart. */
  public static final String CLIENT_ID = "bridge-under-faults";

  private static final List<String> FILLING_ALGO = List.of("--sizer", "fixed-fraction");
  private static final List<String> FILLING_BRIDGE =
      List.of("--param", "threshold=0", "--param", "fraction=0.001");

  final MosquittoBroker broker;
  final String rpc;
  private final List<String> algoJvm;
  private final List<String> algoOptions;
  private final Supplier<ManagedProcess> bridgeStart;
  private final BridgeLinks links;
  ManagedProcess algo;
  ManagedProcess bridge;
  MqttProbe probe;

  private RunningSuite(
      MosquittoBroker broker,
      String rpc,
      List<String> algoJvm,
      List<String> algoOptions,
      Supplier<ManagedProcess> bridgeStart,
      BridgeLinks links) {
    this.broker = broker;
    this.rpc = rpc;
    this.algoJvm = List.copyOf(algoJvm);
    this.algoOptions = List.copyOf(algoOptions);
    this.bridgeStart = bridgeStart;
    this.links = links;
  }

  /** Starts everything and waits until the bridge has subscribed to the quotes. */
  static RunningSuite start(String... bridgeOptions) throws Exception {
    return start(Suite.ALGO_JVM, List.of(), Suite.RPC_TIMEOUT, bridgeOptions);
  }

  /**
   * Starts everything with an algo-service on which every quote fills an order: threshold 0 and the
   * {@code fixed-fraction} sizer investing 0.1% of the cash left, so each order moves the book and
   * none is of amount 0.
   */
  static RunningSuite startFillingEveryQuote(
      List<String> algoJvm, Duration rpcTimeout, String... algoOptions) throws Exception {
    List<String> options = new ArrayList<>(FILLING_ALGO);
    options.addAll(List.of(algoOptions));
    return start(algoJvm, options, rpcTimeout, FILLING_BRIDGE.toArray(String[]::new));
  }

  /**
   * Starts everything, the algo-service with these JVM flags and extra options and the bridge
   * waiting {@code rpcTimeout} for each answer, and waits until the bridge has subscribed to the
   * quotes.
   */
  static RunningSuite start(
      List<String> algoJvm, List<String> algoOptions, Duration rpcTimeout, String... bridgeOptions)
      throws Exception {
    MosquittoBroker broker = MosquittoBroker.start();
    String rpc = Suite.freeRpcAddress();
    return new RunningSuite(
            broker,
            rpc,
            algoJvm,
            algoOptions,
            () -> Suite.bridge(rpcTimeout, broker.mqttUrl(), rpc, bridgeOptions),
            null)
        .started();
  }

  /**
   * Starts everything for fault tests: every quote fills an order as in {@link
   * #startFillingEveryQuote}, the algo-service keeps its book in a state file in {@code
   * stateFolder}, and the bridge, with the client id {@link #CLIENT_ID} and waiting {@code
   * rpcTimeout} for each answer, reaches the broker and the algo each through a proxy.
   */
  public static RunningSuite startBehindProxies(Path stateFolder, Duration rpcTimeout)
      throws Exception {
    MosquittoBroker broker = MosquittoBroker.start();
    int algoPort = ProjectPaths.freePort();
    BridgeLinks links = BridgeLinks.start(broker.port(), algoPort);
    List<String> algoOptions = new ArrayList<>(FILLING_ALGO);
    Path state = stateFolder.resolve("book.state").toAbsolutePath();
    algoOptions.addAll(List.of("--state", state.toString()));
    List<String> bridgeOptions = new ArrayList<>(FILLING_BRIDGE);
    bridgeOptions.addAll(List.of("--client-id", CLIENT_ID));
    String[] options = bridgeOptions.toArray(String[]::new);
    return new RunningSuite(
            broker,
            Suite.rpcAddress(algoPort),
            Suite.ALGO_JVM,
            algoOptions,
            () -> Suite.bridge(rpcTimeout, links.mqttUrl(), links.rpc(), options),
            links)
        .started();
  }

  /**
   * Kills the algo-service, as a crash would, and starts a fresh one at the same address with the
   * same flags and options, its state file included.
   */
  public void crashAndRestartAlgo() {
    algo.kill();
    algo = Suite.algo(algoJvm, rpc, algoOptions);
  }

  /**
   * Kills the bridge-service, as a crash would, and starts a fresh one with the same options, its
   * client id included, and waits until it has subscribed.
   */
  public void crashAndRestartBridge() {
    bridge.kill();
    bridge = startBridge();
  }

  /**
   * Waits until the broker has written its database by itself (autosave), kills it, as a crash
   * would, and starts it again on the same port from what it wrote. What it accepted since the
   * write is lost with it: quotes, orders and acknowledgements alike.
   */
  public void crashAndRestartBrokerAfterAnAutosave() {
    broker.awaitAutosave();
    broker.kill();
    broker.restart();
  }

  /** Freezes the algo-service (SIGSTOP): it holds its connections and answers nothing. */
  public void freezeAlgo() {
    Suite.signal(algo, "STOP");
  }

  /** Lets a frozen algo-service run again (SIGCONT). */
  public void thawAlgo() {
    Suite.signal(algo, "CONT");
  }

  /**
   * The proxies the bridge reaches the broker and the algo through.
   *
   * @throws IllegalStateException if the suite was not started behind proxies
   */
  public BridgeLinks links() {
    if (links == null) {
      throw new IllegalStateException("the suite was not started behind proxies");
    }
    return links;
  }

  /** The broker. */
  public MosquittoBroker broker() {
    return broker;
  }

  /** The algo-service running now. */
  public ManagedProcess algo() {
    return algo;
  }

  /** The bridge-service running now. */
  public ManagedProcess bridge() {
    return bridge;
  }

  /** Publishes quotes number 0 to {@code count - 1} on {@code quotes}, at QoS 1, meanwhile. */
  public CompletableFuture<Void> publishInBackground(int count) {
    return CompletableFuture.runAsync(() -> publish(0, count));
  }

  /** Publishes quotes number {@code from} to {@code to - 1} on {@code quotes}, at QoS 1. */
  public void publish(int from, int to) {
    MosquittoBroker.publishLines(broker.port(), "quotes", 1, QuoteFeed.lines(from, to));
  }

  /**
   * Publishes quotes number 0 to {@code count - 1} on {@code quotes}, at QoS 1, meanwhile, in
   * {@code batches} batches, each {@code pause} after the one before: a feed that goes on while a
   * test strikes the suite.
   */
  public CompletableFuture<Void> publishSteadily(int count, int batches, Duration pause) {
    Executor afterThePause =
        CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<Void> feed = CompletableFuture.completedFuture(null);
    for (int batch = 0; batch < batches; batch++) {
      int from = count * batch / batches;
      int to = count * (batch + 1) / batches;
      feed = feed.thenRunAsync(() -> publish(from, to), afterThePause);
    }
    return feed;
  }

  /** Waits until at least {@code count} orders were published. */
  public void awaitOrders(int count, Duration timeout) {
    await(count + " orders").atMost(timeout).until(() -> probe.count("orders") >= count);
  }

  /**
   * Waits until each quote number below {@code sent} has an order, or {@code timeout} passed, and
   * tells what became of them: a quote still without an order then is lost.
   */
  public Delivery awaitDelivery(int sent, Duration timeout) {
    try {
      await().atMost(timeout).until(() -> delivery(sent).lost().isEmpty());
    } catch (ConditionTimeoutException e) {
      // the delivery names the quotes lost; the test asserts on it
    }
    return delivery(sent);
  }

  /**
   * Asserts that no quote was rejected, that every copy of an order is the first one, and that the
   * algo-service's book is what the distinct orders add up to: no quote was traded twice.
   */
  public void assertBookMatchesTheOrders() {
    assertThat(probe.count(REJECTED)).as("quotes rejected").isZero();
    PublishedOrders.of(probe.on("orders")).assertBookMatches(portfolio());
  }

  /**
   * Waits until each quote number below {@code count} has an order, checks none was rejected, and
   * returns how many orders each got.
   */
  Map<Long, Integer> awaitEveryQuoteAnswered(int count, Duration timeout) {
    await("an order for every quote; " + bridge)
        .atMost(timeout)
        .until(
            () -> QuoteFeed.unanswered(QuoteFeed.ordersPerTs(probe.on("orders")), count).isEmpty());
    assertThat(probe.count(REJECTED)).isZero();
    return QuoteFeed.ordersPerTs(probe.on("orders"));
  }

  /** The algo-service's book, as its {@code portfolio()} answers. */
  Map<?, ?> portfolio() {
    return portfolio(Suite.START);
  }

  /**
   * The algo-service's book, asked for straight, not through a proxy.
   *
   * @throws io.intuition.common.rpc.RpcTimeoutException if it does not answer within {@code
   *     timeout}
   */
  public Map<?, ?> portfolio(Duration timeout) {
    return Suite.portfolio(rpc, timeout);
  }

  /** Stops what runs; after a failed start, what did start. */
  @Override
  public void close() throws MqttException {
    if (probe != null) {
      probe.close();
    }
    Stream.of(bridge, algo).filter(Objects::nonNull).forEach(ManagedProcess::close);
    if (links != null) {
      links.close();
    }
    broker.close();
  }

  /** Starts the algo, the bridge and the probe; if one fails, stops what started. */
  private RunningSuite started() throws MqttException {
    try {
      algo = Suite.algo(algoJvm, rpc, algoOptions);
      bridge = startBridge();
      probe = MqttProbe.subscribe(broker.url(), "orders", REJECTED);
      return this;
    } catch (RuntimeException | MqttException e) {
      close();
      throw e;
    }
  }

  private Delivery delivery(int sent) {
    return Delivery.of(sent, QuoteFeed.ordersPerTs(probe.on("orders")));
  }

  private ManagedProcess startBridge() {
    return bridgeStart.get().awaitLog("subscribed to [quotes]", Suite.START);
  }
}
