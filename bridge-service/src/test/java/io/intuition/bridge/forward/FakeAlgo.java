package io.intuition.bridge.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An algorithm whose every answer the test gives explicitly. Records the calls in order; safe to
 * use from the forwarder's thread and the test's at once.
 */
final class FakeAlgo implements Algo {
  static final String INITIALIZE = "initialize";
  static final String EVENT = "event";

  /** One call: what was called, with what, when, and the answer the test completes. */
  record Call(String method, Object argument, long atNanos, CompletableFuture<Object> answer) {
    void answer(Object result) {
      answer.complete(result);
    }

    void fail(Throwable error) {
      answer.completeExceptionally(error);
    }
  }

  private final List<Call> calls = new ArrayList<>();
  private int maxOutstandingEvents;

  @Override
  public synchronized CompletableFuture<Object> initialize(Map<String, Object> params) {
    return record(INITIALIZE, params);
  }

  @Override
  public synchronized CompletableFuture<Object> event(Object data) {
    CompletableFuture<Object> answer = record(EVENT, data);
    long outstanding = events().stream().filter(call -> !call.answer().isDone()).count();
    maxOutstandingEvents = Math.max(maxOutstandingEvents, (int) outstanding);
    return answer;
  }

  @Override
  public String address() {
    return "fake://algo";
  }

  /** Every call so far, in the order they were made. */
  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The {@code event} calls so far. */
  synchronized List<Call> events() {
    return calls.stream().filter(call -> call.method().equals(EVENT)).toList();
  }

  /** The {@code initialize} calls so far. */
  synchronized List<Call> initializations() {
    return calls.stream().filter(call -> call.method().equals(INITIALIZE)).toList();
  }

  /** The most {@code event} calls ever unanswered at once, counting the one being made. */
  synchronized int maxOutstandingEvents() {
    return maxOutstandingEvents;
  }

  /** Waits for the {@code index}th {@code event} call (from 0) and returns it. */
  Call event(int index) {
    RunningForwarder.soon().until(() -> events().size() > index);
    return events().get(index);
  }

  /** Waits for the {@code index}th {@code initialize} call (from 0) and returns it. */
  Call initialization(int index) {
    RunningForwarder.soon().until(() -> initializations().size() > index);
    return initializations().get(index);
  }

  private CompletableFuture<Object> record(String method, Object argument) {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    calls.add(new Call(method, argument, System.nanoTime(), answer));
    return answer;
  }
}
