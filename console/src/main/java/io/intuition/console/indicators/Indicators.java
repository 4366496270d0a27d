package io.intuition.console.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest value of each indicator topic, at most {@code limit} topics: a value of one more is
 * refused. The topics changed since the last {@link #drain()} wait to be pushed. Thread-safe.
 */
public final class Indicators {
  private final int limit;
  private final Map<String, IndicatorView> latest = new LinkedHashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();

  /** Indicators of at most {@code limit} topics. */
  public Indicators(int limit) {
    this.limit = limit;
  }

  /** Takes the latest value of its topic; false when refused, the topics being at the limit. */
  public synchronized boolean put(IndicatorView value) {
    if (latest.size() >= limit && !latest.containsKey(value.topic())) {
      return false;
    }
    latest.put(value.topic(), value);
    changed.add(value.topic());
    return true;
  }

  /** Forgets the topic, whose retained value was cleared. */
  public synchronized void remove(String topic) {
    latest.remove(topic);
    changed.remove(topic);
  }

  /** The values changed since the last drain, or an empty list. */
  public synchronized List<IndicatorView> drain() {
    List<IndicatorView> values = new ArrayList<>(changed.size());
    for (String topic : changed) {
      values.add(latest.get(topic));
    }
    changed.clear();
    return values;
  }

  /** Every latest value, sorted by topic. */
  public synchronized List<IndicatorView> all() {
    List<IndicatorView> values = new ArrayList<>(latest.values());
    values.sort((a, b) -> a.topic().compareTo(b.topic()));
    return values;
  }

  /** How many topics are held. */
  public synchronized int size() {
    return latest.size();
  }
}
