package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.Packed;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RpcRoundTripTest {
  private final TestService service = new TestService();
  private RpcServer server;
  private RpcClient client;

  @BeforeEach
  void start() {
    server = RpcServer.start(service.build(), "tcp://127.0.0.1:*");
    client = RpcClient.connect(server.address(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    service.release.countDown();
    client.close();
    server.close();
  }

  @Test
  void call_add_returnsTheSum() {
    assertThat(client.invoke("add", 2, 3.5)).isEqualTo(5.5);
  }

  @Test
  void call_byDefault_runsTheMethodOnTheWorkerThread() {
    assertThat(client.invoke("thread")).isEqualTo("rpc-worker");
  }

  @Test
  void call_withDirectExecutor_runsTheMethodOnTheServersLoop() {
    try (RpcServer direct =
            RpcServer.builder(service.build(), "tcp://127.0.0.1:*").directExecutor().start();
        RpcClient other = RpcClient.connect(direct.address(), Duration.ofSeconds(10))) {
      assertThat(other.invoke("thread")).isEqualTo("rpc-server");
    }
  }

  @Test
  void call_manyMoreThanTheWorkerMayQueue_areAllAnsweredInOrder() {
    try (RpcServer narrow =
            RpcServer.builder(service.build(), "tcp://127.0.0.1:*").maxQueuedCalls(2).start();
        RpcClient other = RpcClient.connect(narrow.address(), Duration.ofSeconds(10))) {
      List<CompletableFuture<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(other.call("echo", i));
      }

      assertThat(calls.stream().map(CompletableFuture::join).toList())
          .isEqualTo(java.util.stream.IntStream.range(0, 200).boxed().toList());
    }
  }

  @Test
  void callPacked_argsAndResultStayMsgpack() throws Exception {
    byte[] args = {(byte) 0x92, 0x02, 0x03}; // [2, 3]

    Packed result =
        client
            .callPacked(Duration.ofSeconds(10), "add", new Packed(args))
            .get(10, TimeUnit.SECONDS);

    assertThat(result.bytes()).containsExactly(0xcb, 0x40, 0x14, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void call_argsWithADuplicateKey_isInvalidArgsNamingTheKey() {
    // [{"sid": "A", "sid": "B"}]: peers keeping the first or the last "sid" would disagree
    byte[] args = {
      (byte) 0x91,
      (byte) 0x82,
      (byte) 0xa3,
      's',
      'i',
      'd',
      (byte) 0xa1,
      'A',
      (byte) 0xa3,
      's',
      'i',
      'd',
      (byte) 0xa1,
      'B'
    };

    CompletableFuture<Packed> call =
        client.callPacked(Duration.ofSeconds(10), "echo", new Packed(args));

    assertThatThrownBy(call::join)
        .hasCauseInstanceOf(RemoteException.class)
        .cause()
        .satisfies(
            e -> {
              assertThat(((RemoteException) e).errorName()).isEqualTo("InvalidArgs");
              assertThat(((RemoteException) e).remoteMessage())
                  .isEqualTo("the args of echo: a map has the key \"sid\" twice");
            });
    assertThat(client.invoke("add", 1, 1)).as("answered after").isEqualTo(2.0);
  }

  @Test
  void call_methodReturningAFuture_isAnsweredWhenItCompletes() throws Exception {
    try (RpcServer direct =
            RpcServer.builder(service.build(), "tcp://127.0.0.1:*").directExecutor().start();
        RpcClient other = RpcClient.connect(direct.address(), Duration.ofSeconds(10))) {
      CompletableFuture<Object> first = other.call("later");
      CompletableFuture<Object> second = other.call("later");
      await().atMost(Duration.ofSeconds(10)).until(() -> service.later.size() == 2);
      assertThat(first).isNotDone();

      service.later.get(1).complete("second");
      service.later.get(0).completeExceptionally(new RpcFault("Late", "too late"));

      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
      assertThatThrownBy(first::join)
          .cause()
          .isInstanceOfSatisfying(
              RemoteException.class, e -> assertThat(e.errorName()).isEqualTo("Late"));
    }
  }

  @Test
  void eachRound_runsTheHookOnTheServersLoopAfterTheCalls() {
    try (RpcServer direct =
            RpcServer.builder(service.build(), "tcp://127.0.0.1:*").directExecutor().start();
        RpcClient other = RpcClient.connect(direct.address(), Duration.ofSeconds(10))) {
      List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
      direct.eachRound(
          () -> {
            threads.add(Thread.currentThread().getName());
            service.later.forEach(answer -> answer.complete("from the hook"));
          });

      assertThat(other.invoke("later")).isEqualTo("from the hook");
      assertThat(threads).isNotEmpty().allMatch("rpc-server"::equals);
    }
  }

  @Test
  void callsOfTwoCallersWithTheSameMessageId_areEachAnswered() {
    Event request = Event.request(MessageId.text("same-id"), "block", List.of());
    Event ping = Event.request(MessageId.text("ping"), "_zerorpc_ping", List.of());
    try (RawPeer first = new RawPeer(server.address());
        RawPeer second = new RawPeer(server.address())) {
      first.send(request);
      second.send(request);
      // answered on the server's loop in order: each call is open once its ping is answered
      assertThat(first.call(ping, Duration.ofSeconds(10))).isNotNull();
      assertThat(second.call(ping, Duration.ofSeconds(10))).isNotNull();
      service.release.countDown();

      assertThat(first.replyTo(request, Duration.ofSeconds(10)))
          .extracting(Event::name, Event::args)
          .containsExactly("OK", List.of("released"));
      assertThat(second.replyTo(request, Duration.ofSeconds(10)))
          .extracting(Event::name, Event::args)
          .containsExactly("OK", List.of("released"));
    }
  }

  @Test
  void call_echo_returnsNestedValuesUnchanged() {
    Map<String, Object> value = Map.of("sid", "GOOG", "quotes", List.of(1, 2.5, "x"));

    assertThat(client.invoke("echo", value)).isEqualTo(value);
    assertThat(client.invoke("echo", (Object) null)).isNull();
  }

  @Test
  void call_unknownMethod_isNameError() {
    assertThatThrownBy(() -> client.invoke("nosuch"))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.errorName()).isEqualTo("NameError");
              assertThat(e.remoteMessage()).isEqualTo("nosuch");
            });
  }

  @Test
  void call_wrongArity_isTypeErrorNamingTheParameters() {
    assertThatThrownBy(() -> client.invoke("add", 1))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.errorName()).isEqualTo("TypeError");
              assertThat(e.remoteMessage())
                  .isEqualTo("add() takes 2 positional arguments [a, b] but 1 was given");
            });
  }

  @Test
  void call_badArgument_isValueErrorWithTheMessage() {
    assertThatThrownBy(() -> client.invoke("add", "x", 1))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.errorName()).isEqualTo("ValueError");
              assertThat(e.remoteMessage()).isEqualTo("argument 0 must be a number, but was x");
            });
  }

  @Test
  void call_methodThrows_isErrWithTypeNameAndTrace() {
    assertThatThrownBy(() -> client.invoke("boom"))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.errorName()).isEqualTo("IllegalStateException");
              assertThat(e.remoteMessage()).isEqualTo("boom!");
              assertThat(e.detail()).contains("at ");
            });
  }

  @Test
  void call_rpcFault_keepsItsErrorName() {
    assertThatThrownBy(() -> client.invoke("reject", -1))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.errorName()).isEqualTo("InvalidThing");
              assertThat(e.remoteMessage()).isEqualTo("value must be positive, but was -1");
            });
  }

  @Test
  void server_afterErrors_keepsAnswering() {
    for (String method : List.of("nosuch", "boom", "reject")) {
      client.call(method, 1).exceptionally(e -> null).join();
    }

    assertThat(client.invoke("add", 1, 1)).isEqualTo(2.0);
  }

  @Test
  void introspection_answersLikeThePythonServer() {
    assertThat(client.invoke("_zerorpc_ping")).isEqualTo(List.of("pong", "test-service"));
    assertThat(client.invoke("_zerorpc_name")).isEqualTo("test-service");
    assertThat(client.invoke("_zerorpc_list"))
        .isEqualTo(List.of("add", "echo", "thread", "boom", "reject", "work", "later", "block"));
    assertThat(client.invoke("_zerorpc_help", "add")).isEqualTo("Adds two numbers.");
    assertThat(client.invoke("_zerorpc_args", "add"))
        .isEqualTo(Arrays.asList(List.of("a", "b"), null, null, null));
  }

  @Test
  void introspection_inspectDescribesEveryMethod() {
    Map<?, ?> inspect = (Map<?, ?>) client.invoke("_zerorpc_inspect");

    assertThat(inspect.get("name")).isEqualTo("test-service");
    Map<?, ?> methods = (Map<?, ?>) inspect.get("methods");
    assertThat(List.copyOf(methods.keySet()))
        .isEqualTo(List.of("add", "echo", "thread", "boom", "reject", "work", "later", "block"));
    assertThat(methods.get("add"))
        .isEqualTo(
            Map.of(
                "args",
                List.of(Map.of("name", "a"), Map.of("name", "b")),
                "doc",
                "Adds two numbers."));
  }

  @Test
  void introspection_answersWhileAMethodRuns() {
    CompletableFuture<Object> blocked = client.call("block");

    assertThat(client.invoke("_zerorpc_ping")).isEqualTo(List.of("pong", "test-service"));
    service.release.countDown();
    assertThat(blocked.join()).isEqualTo("released");
  }

  @Test
  void introspection_helpForUnknownMethod_isNameError() {
    assertThatThrownBy(() -> client.invoke("_zerorpc_help", "nosuch"))
        .isInstanceOfSatisfying(
            RemoteException.class, e -> assertThat(e.errorName()).isEqualTo("NameError"));
  }

  @Test
  void call_slowerThanItsTimeout_timesOutAndTheClientKeepsWorking() {
    CompletableFuture<Object> slow = client.call(Duration.ofMillis(300), "block", List.of());

    assertThatThrownBy(slow::join).hasCauseInstanceOf(RpcTimeoutException.class);
    service.release.countDown();
    assertThat(client.invoke("add", 40, 2)).isEqualTo(42.0);
  }

  @Test
  void call_thousandOutstandingOnOneClient_allAnsweredWithTheirOwnResult() {
    List<CompletableFuture<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      calls.add(client.call("echo", i));
    }

    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i).orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(i);
    }
  }

  @Test
  void methods_runOneAtATimeInArrivalOrder() {
    List<CompletableFuture<Object>> calls = new ArrayList<>();
    calls.add(client.call("block"));
    for (int i = 0; i < 5; i++) {
      calls.add(client.call("echo", i));
    }
    assertThat(calls.get(1)).isNotDone();

    service.release.countDown();

    assertThat(calls.stream().map(CompletableFuture::join))
        .containsExactly("released", 0, 1, 2, 3, 4);
  }
}
