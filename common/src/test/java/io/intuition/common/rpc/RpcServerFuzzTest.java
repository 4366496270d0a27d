package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventBytes;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.codec.Sample;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import io.intuition.common.testing.Escapes;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Fuzzes one running {@link RpcServer}, on a loopback port for the whole run, through a raw DEALER
 * sending random and mutated events, multi-frame garbage and valid envelopes around bad bodies.
 *
 * <p>After each try: a ping sent behind the garbage on the same connection is answered, so every
 * message before it was read and handled; a proper {@link RpcClient} still gets the right sum from
 * {@code add}; every event the server sent the raw peer was well-formed; no thread died (a default
 * uncaught-exception handler records it, where {@code FatalErrors} would end the process) and
 * nothing was logged as an error (the event loop logs any task that throws and goes on).
 *
 * <p>What the server holds stays bounded, checked three ways that each fail if it keeps something
 * per message: the worker may hold only {@value #MAX_QUEUED_CALLS} calls, so a call that never
 * gives its place back stalls the server and the next ping goes unanswered; after the run the raw
 * peer hears nothing for 750 ms, so no call of its is still open (the server heartbeats every open
 * call every 250 ms); and the heap after a full GC has grown by less than 8 MiB while more than
 * four times that crossed the server (every try sends one message of 64 to 512 KiB), so keeping a
 * quarter of the bytes it was sent fails. The checks after the run run once every try passed, so
 * that a failing try is what gets reported.
 */
class RpcServerFuzzTest {
  private static final int MAX_QUEUED_CALLS = 4;
  private static final long HEAP_GROWTH_LIMIT_BYTES = 8L * 1024 * 1024;
  private static final Duration CALL_LIMIT = Duration.ofSeconds(5);
  private static final List<Object> PONG = List.of(List.of("pong", "fuzz-service"));

  private static Escapes escapes;
  private static RpcServer server;
  private static RpcClient client;
  private static RawPeer peer;
  private static long heapBefore;
  private final MessageIds ids = new MessageIds();

  @BeforeContainer
  static void start() {
    escapes = new Escapes("io.intuition.common.rpc.server");
    server =
        RpcServer.builder(service(), "tcp://127.0.0.1:*")
            .heartbeatInterval(100)
            .maxQueuedCalls(MAX_QUEUED_CALLS)
            .start();
    client = RpcClient.connect(server.address(), CALL_LIMIT);
    peer = new RawPeer(server.address());
    assertThat(client.invoke("add", 1, 2)).isEqualTo(3);
    heapBefore = heapAfterGc();
  }

  @AfterContainer
  static void stop() {
    peer.close();
    client.close();
    server.close();
    escapes.close();
  }

  @Provide
  Arbitrary<List<Envelopes.Message>> messages() {
    return Combinators.combine(
            Envelopes.around(EventBytes.anyPayload().map(Sample::bytes))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4),
            Envelopes.around(EventBytes.large()))
        .as(
            (small, large) -> {
              List<Envelopes.Message> all = new ArrayList<>(small);
              all.add(large);
              return all;
            });
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  @AddLifecycleHook(AfterASuccessfulRun.class)
  void anyFrames_leaveTheServerAnsweringRightly(
      @ForAll("messages") List<Envelopes.Message> messages, @ForAll int a, @ForAll int b) {
    messages.forEach(message -> peer.send(message.bytes()));

    Event pong = peer.call(Event.request(ids.next(), "_zerorpc_ping", List.of()), CALL_LIMIT);

    assertThat(pong).as("the reply to a ping behind them; escaped: %s", escapes.all()).isNotNull();
    assertThat(pong.args()).as("the ping's answer").isEqualTo(PONG);
    Object sum = client.invoke("add", a, b);
    assertThat(((Number) sum).longValue()).as("%d + %d", a, b).isEqualTo((long) a + b);
    assertThat(escapes.all()).as("what escaped the server").isEmpty();
  }

  /** The checks of the whole run; see the class's javadoc. */
  static void afterTheRun_noCallIsOpenAndTheHeapIsWhereItWas() {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .alias("no heartbeat: the raw peer's calls are all closed")
        .until(() -> peer.isSilentFor(Duration.ofMillis(750)));
    assertThat(peer.bytesSent()).as("bytes sent").isGreaterThan(4 * HEAP_GROWTH_LIMIT_BYTES);
    assertThat(heapAfterGc() - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_LIMIT_BYTES);
    assertThat(escapes.all()).as("what escaped the server").isEmpty();
  }

  /**
   * Runs the checks of the whole run once every try passed, so that a failing try, rather than what
   * followed from it, is what gets reported.
   */
  static final class AfterASuccessfulRun implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(
        PropertyLifecycleContext context, PropertyExecutor property) {
      PropertyExecutionResult result = property.execute();
      if (result.status() != PropertyExecutionResult.Status.SUCCESSFUL) {
        return result;
      }
      try {
        afterTheRun_noCallIsOpenAndTheHeapIsWhereItWas();
        return result;
      } catch (AssertionError | RuntimeException e) {
        return result.mapToFailed(e);
      }
    }
  }

  private static RpcService service() {
    return RpcService.builder("fuzz-service")
        .method("add", List.of("a", "b"), "Adds two integers.", args -> sum(args))
        .method("echo", List.of("value"), "Returns its argument.", args -> args.get(0))
        .build();
  }

  /** Fails, as a method does, for arguments that are not numbers. */
  private static long sum(List<?> args) {
    return ((Number) args.get(0)).longValue() + ((Number) args.get(1)).longValue();
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
