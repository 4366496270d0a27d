package io.intuition.bridge.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One call: what was called, with what (an event's payload read as JSON when it is JSON), when,
   * and the answer the test completes.
   */
  record Call(String method, Object argument, long atNanos, CompletableFuture<Answer> answer) {
    /** Answers with channels for {@code initialize}, else orders: null, one map or a list. */
    void answer(Object result) {
      answer.complete(method.equals(INITIALIZE) ? channels(result) : orders(result));
    }

    void refuse(String reason) {
      answer.complete(new Answer.Refused(reason));
    }

    void malformed(String reason) {
      answer.complete(new Answer.Malformed(reason));
    }

    void notInitialized() {
      answer.complete(new Answer.NotInitialized());
    }

    void moved(String to) {
      answer.complete(new Answer.Moved(to));
    }

    void unavailable(String reason) {
      answer.complete(new Answer.Unavailable(reason));
    }

    private static Answer channels(Object result) {
      return new Answer.Channels(((List<?>) result).stream().map(String::valueOf).toList());
    }

    private static Answer orders(Object result) {
      List<byte[]> orders = new ArrayList<>();
      if (result instanceof List<?> list) {
        list.forEach(order -> orders.add(json(order)));
      } else if (result != null) {
        orders.add(json(result));
      }
      return new Answer.Orders(orders);
    }
  }

  private final List<Call> calls = new ArrayList<>();
  private int maxOutstandingEvents;

  @Override
  public synchronized CompletableFuture<Answer> initialize(Map<String, Object> params) {
    return record(INITIALIZE, params);
  }

  @Override
  public synchronized CompletableFuture<Answer> event(byte[] payload) {
    CompletableFuture<Answer> answer = record(EVENT, read(payload));
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

  private CompletableFuture<Answer> record(String method, Object argument) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    calls.add(new Call(method, argument, System.nanoTime(), answer));
    return answer;
  }

  private static Object read(byte[] payload) {
    try {
      return JSON.readValue(payload, Object.class);
    } catch (IOException e) {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
