package io.intuition.common.rpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A small service for RPC tests: arithmetic, failures and slow work. */
final class TestService {
  /** Released by tests to end a {@code block} call. */
  final CountDownLatch release = new CountDownLatch(1);

  /** What {@code later} calls return, completed by tests. */
  final List<CompletableFuture<Object>> later = new CopyOnWriteArrayList<>();

  RpcService build() {
    return RpcService.builder("test-service")
        .method(
            "add",
            List.of("a", "b"),
            "Adds two numbers.",
            args -> number(args, 0) + number(args, 1))
        .method("echo", List.of("value"), "Returns its argument.", args -> args.get(0))
        .method(
            "thread",
            List.of(),
            "Names the thread the method runs on.",
            args -> Thread.currentThread().getName())
        .method(
            "boom",
            List.of(),
            "Fails.",
            args -> {
              throw new IllegalStateException("boom!");
            })
        .method(
            "reject",
            List.of("value"),
            "Rejects with a chosen name.",
            args -> {
              throw new RpcFault("InvalidThing", "value must be positive, but was " + args.get(0));
            })
        .method(
            "work",
            List.of("seconds"),
            "Works for that many seconds.",
            args -> {
              workFor(Duration.ofMillis((long) (number(args, 0) * 1000)));
              return number(args, 0);
            })
        .method(
            "later",
            List.of(),
            "Answers once the test completes the future it returned.",
            args -> {
              CompletableFuture<Object> answer = new CompletableFuture<>();
              later.add(answer);
              return answer;
            })
        .method(
            "block",
            List.of(),
            "Waits until the test releases it.",
            args -> {
              release.await();
              return "released";
            })
        .build();
  }

  private static double number(List<?> args, int index) {
    if (args.get(index) instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(
        "argument " + index + " must be a number, but was " + args.get(index));
  }

  /** Stands for a method busy with real work for that long. */
  private static void workFor(Duration duration) throws InterruptedException {
    new CountDownLatch(1).await(duration.toMillis(), TimeUnit.MILLISECONDS);
  }
}
