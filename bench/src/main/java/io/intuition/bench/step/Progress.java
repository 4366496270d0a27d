package io.intuition.bench.step;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;

/** What the bench says on stderr as it goes ({@code bench: ...}), and how long each step took. */
public final class Progress {
  private final PrintStream out;
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  /** Progress printed to {@code out}. */
  public Progress(PrintStream out) {
    this.out = out;
  }

  /** Prints {@code bench: } and the formatted message. */
  public void say(String pattern, Object... values) {
    out.println("bench: " + String.format(Locale.ROOT, pattern, values));
    out.flush();
  }

  /** Runs {@code work} as the step {@code name}, and records and prints how long it took. */
  public <T> T timed(String name, Work<T> work)
      throws IOException, InterruptedException, MqttException {
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      double took = (System.nanoTime() - start) / 1e9;
      seconds.merge(name, took, Double::sum);
      say("%s took %.1f s", name, took);
    }
  }

  /** How long each step took so far, in the order they ran. */
  public Map<String, Double> seconds() {
    return new LinkedHashMap<>(seconds);
  }

  /**
   * A step of the bench.
   *
   * @param <T> what it measures
   */
  @FunctionalInterface
  public interface Work<T> {
    /** Runs the step. */
    T run() throws IOException, InterruptedException, MqttException;
  }
}
