package io.intuition.bench.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Samples a soak's processes, each by name, and keeps every sample. Single-threaded. */
final class Sampler {
  private final Map<String, Long> pids;
  private final Map<String, List<Sample>> series = new LinkedHashMap<>();

  /** Samples the processes {@code pids} names, in its order. */
  Sampler(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
    pids.keySet().forEach(name -> series.put(name, new ArrayList<>()));
  }

  /** Samples each process still there, {@code seconds} into the soak; returns those samples. */
  Map<String, Sample> sample(double seconds) {
    Map<String, Sample> now = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) -> {
          Optional<Sample> sample = Sample.read(pid, seconds);
          sample.ifPresent(
              taken -> {
                series.get(name).add(taken);
                now.put(name, taken);
              });
        });
    return now;
  }

  /** The process ids, by name. */
  Map<String, Long> pids() {
    return new LinkedHashMap<>(pids);
  }

  /** Every sample so far, by process name. */
  Map<String, List<Sample>> series() {
    Map<String, List<Sample>> copy = new LinkedHashMap<>();
    series.forEach((name, samples) -> copy.put(name, List.copyOf(samples)));
    return copy;
  }
}
