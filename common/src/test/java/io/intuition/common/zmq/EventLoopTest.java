package io.intuition.common.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class EventLoopTest {
  private final EventLoop loop = EventLoop.start("loop-under-test");
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void execute_fromAnotherThread_runsTasksInOrderOnTheLoopsThread() {
    IntStream.range(0, 100).forEach(i -> loop.execute(() -> seen.add(i + "@" + thread())));

    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 100);
    assertThat(seen)
        .containsExactlyElementsOf(
            IntStream.range(0, 100).mapToObj(i -> i + "@loop-under-test").toList());
  }

  @Test
  void execute_fromTheLoop_runsTheNewTaskAfterTheCurrentOne() {
    loop.execute(
        () -> {
          loop.execute(() -> seen.add("posted"));
          seen.add("current");
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
    assertThat(seen).containsExactly("current", "posted");
  }

  @Test
  void execute_aTaskThatThrows_isLoggedAndTheLoopGoesOn() {
    loop.execute(
        () -> {
          throw new IllegalStateException("a bug in one task");
        });
    loop.execute(() -> seen.add("after"));

    await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("after"));
  }

  @Test
  void every_runsUntilCancelled() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CompletableFuture<LoopTimer> timer = new CompletableFuture<>();
    loop.execute(() -> timer.complete(loop.every(Duration.ofMillis(5), runs::incrementAndGet)));

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    loop.execute(() -> timer.join().cancel());
    int afterCancel = onLoop(runs::get);
    await()
        .during(Duration.ofMillis(100))
        .atMost(Duration.ofSeconds(2))
        .until(() -> runs.get() == afterCancel);
  }

  @Test
  void register_aSocketWithMessages_isReadOnTheLoopAsTheyArrive() throws Exception {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket in = context.createSocket(SocketType.PULL);
      in.bind("inproc://event-loop-test");
      ZMQ.Socket out = context.createSocket(SocketType.PUSH);
      out.connect("inproc://event-loop-test");
      CompletableFuture<Registration> registration = new CompletableFuture<>();
      loop.execute(
          () ->
              registration.complete(
                  loop.register(
                      in,
                      () -> {
                        for (String text = in.recvStr(ZMQ.DONTWAIT);
                            text != null;
                            text = in.recvStr(ZMQ.DONTWAIT)) {
                          seen.add(text + "@" + thread());
                        }
                      })));

      for (int i = 0; i < 3; i++) {
        out.send("message " + i);
      }

      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
      assertThat(seen)
          .containsExactly(
              "message 0@loop-under-test",
              "message 1@loop-under-test",
              "message 2@loop-under-test");
      onLoop(
          () -> {
            registration.join().cancel();
            return null;
          });
    }
  }

  @Test
  void eachRound_runsAfterTheTasksOfARound() {
    loop.execute(() -> loop.eachRound(() -> seen.add("round")));
    loop.execute(() -> seen.add("task"));

    await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("task"));
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.indexOf("round") >= 0);
    assertThat(seen.lastIndexOf("round")).isGreaterThan(seen.indexOf("task"));
  }

  @Test
  void close_endsTheLoopAndRefusesNewTasks() {
    loop.close();

    assertThatThrownBy(() -> loop.execute(() -> seen.add("late")))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("loop-under-test");
  }

  @Test
  void register_offTheLoop_isRefused() {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket socket = context.createSocket(SocketType.PULL);

      assertThatThrownBy(() -> loop.register(socket, () -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("loop-under-test");
    }
  }

  private <T> T onLoop(java.util.function.Supplier<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.execute(() -> result.complete(action.get()));
    return result.get(5, TimeUnit.SECONDS);
  }

  private static String thread() {
    return Thread.currentThread().getName();
  }
}
