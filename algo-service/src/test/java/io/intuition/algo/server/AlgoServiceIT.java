package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/** Runs the packaged service as a real process and talks to it over a real socket. */
class AlgoServiceIT {
  private static final long SEED = 3;
  private static final String NAME = "it-algo";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final List<Service> started = new ArrayList<>();

  @RegisterExtension
  final TestWatcher diagnostics =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          started.forEach(service -> System.err.println(service.process()));
        }
      };

  @AfterEach
  void destroyProcesses() {
    started.forEach(service -> service.process().close());
  }

  @Test
  void start_printsOnlyTheBannerOnStdout() {
    Service service = start();

    assertThat(service.stdout().lines()).containsExactly("serving on " + service.address + " ...");
  }

  @Test
  void ping_answersPongAndTheServiceName() {
    try (RpcClient client = start().client()) {
      assertThat(client.invoke("_zerorpc_ping")).isEqualTo(List.of("pong", NAME));
    }
  }

  @Test
  void event_afterInitialize_placesOrdersForBothQuoteShapes() {
    try (RpcClient client = start().client()) {
      assertThat(client.invoke("initialize", Map.of("cash", 50_000, "threshold", 0)))
          .isEqualTo(List.of("quotes"));

      assertThat(client.invoke("event", Map.of("sid", "GOOG", "quote", 345.1, "ts", 17)))
          .asInstanceOf(MAP)
          .containsEntry("sid", "GOOG")
          .containsEntry("quote", 345.1)
          .hasEntrySatisfying("ts", ts -> assertThat(((Number) ts).longValue()).isEqualTo(17))
          .hasEntrySatisfying("cash", cash -> assertThat((Double) cash).isLessThan(50_000.0));
      assertThat(client.invoke("event", Map.of("GOOG", 3.45)))
          .asInstanceOf(MAP)
          .containsEntry("sid", "GOOG")
          .containsEntry("quote", 3.45);
    }
  }

  @Test
  void event_malformedQuote_isInvalidQuoteAndTheServiceKeepsAnswering() {
    try (RpcClient client = start().client()) {
      client.invoke("initialize", Map.of("threshold", 0));

      assertThatThrownBy(() -> client.invoke("event", Map.of("sid", "GOOG", "quote", "abc")))
          .isInstanceOfSatisfying(
              RemoteException.class,
              e -> {
                assertThat(e.errorName()).isEqualTo("InvalidQuote");
                assertThat(e.remoteMessage()).contains("quote", "abc");
              });

      assertThat(client.invoke("event", Map.of("sid", "GOOG", "quote", 345.1)))
          .asInstanceOf(MAP)
          .containsEntry("sid", "GOOG");
    }
  }

  @Test
  void call_unknownMethod_isNameError() {
    try (RpcClient client = start().client()) {
      assertThatThrownBy(() -> client.invoke("nosuch"))
          .isInstanceOfSatisfying(
              RemoteException.class,
              e -> {
                assertThat(e.errorName()).isEqualTo("NameError");
                assertThat(e.remoteMessage()).contains("nosuch");
              });
    }
  }

  @Test
  void event_sameSeedInTwoRuns_placesEqualOrders() throws InterruptedException {
    Service first = start();
    List<Object> firstOrders = trade(first);
    assertThat(first.process().terminate(Duration.ofSeconds(2))).isTrue();

    List<Object> secondOrders = trade(start());

    assertThat(firstOrders).isNotEmpty().doesNotContainNull().isEqualTo(secondOrders);
  }

  @Test
  void sigterm_stopsTheServiceCleanlyWithinTwoSeconds_tellingTheQuotesItAnswered()
      throws InterruptedException {
    Service service = start();
    try (RpcClient client = service.client()) {
      client.invoke("initialize", Map.of());
      client.invoke("event", Map.of("sid", "GOOG", "quote", 345.1, "ts", 2));
      client.invoke("event", Map.of("sid", "GOOG", "quote", 345.0, "ts", 1));
    }

    assertThat(service.process().terminate(Duration.ofSeconds(2))).isTrue();
    assertThat(service.process.exitValue()).as("exit code of a clean stop").isZero();
    assertThat(service.process().stderr())
        .contains("stopped: answered 2 quotes, 1 of them untraded as stale");
  }

  /** Initializes the service and sends it a fixed sequence of quotes; returns the orders. */
  private static List<Object> trade(Service service) {
    List<Object> orders = new ArrayList<>();
    try (RpcClient client = service.client()) {
      client.invoke("initialize", Map.of("cash", 50_000, "threshold", 0.5));
      for (int i = 0; i < 40; i++) {
        Object order = client.invoke("event", Map.of("GOOG", 300 + i % 7, "ts", i + 1));
        if (order != null) {
          orders.add(order);
        }
      }
    }
    return orders;
  }

  private Service start() {
    Service service = Service.start(ProjectPaths.freePort());
    started.add(service);
    service.process.awaitOutput("serving on", START_TIMEOUT);
    return service;
  }

  /** A service process and the address it serves. */
  private record Service(ManagedProcess process, String address) {
    static Service start(int port) {
      String address = "tcp://127.0.0.1:" + port;
      ProcessBuilder builder =
          new ProcessBuilder(
              ProjectPaths.java(),
              "-jar",
              ProjectPaths.serviceJar("algo-service").toString(),
              "--addr",
              address,
              "--seed",
              Long.toString(SEED),
              "--name",
              NAME);
      // Only the command line configures the service under test.
      builder.environment().keySet().removeIf(key -> key.startsWith("ALGO_"));
      return new Service(ManagedProcess.start("algo-service on " + address, builder), address);
    }

    RpcClient client() {
      return RpcClient.connect(address, CALL_TIMEOUT);
    }

    String stdout() {
      return process.stdout();
    }
  }
}
