package io.intuition.algo.algorithm;

import io.intuition.common.codec.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parameters of a run, as sent with the {@code initialize} call.
 *
 * @param startingCash the cash the portfolio starts with; never negative
 * @param threshold the draw in [0, 1) at or above which the algorithm buys; between 0 and 1
 * @param channels the data channels to subscribe to; non-empty, each non-blank
 * @param extra every other parameter received, in order; unmodifiable, values may be null
 */
public record AlgoParams(
    BigDecimal startingCash, double threshold, List<String> channels, Map<String, Object> extra) {
  private static final String STARTING_CASH = "starting_cash";
  private static final String CASH = "cash";
  private static final String THRESHOLD = "threshold";
  private static final String CHANNELS = "channels";
  private static final Set<String> KNOWN = Set.of(STARTING_CASH, CASH, THRESHOLD, CHANNELS);
  private static final BigDecimal DEFAULT_STARTING_CASH = BigDecimal.valueOf(10_000);
  private static final double DEFAULT_THRESHOLD = 0.5;
  private static final List<String> DEFAULT_CHANNELS = List.of("quotes");

  /**
   * Validates the parameters and copies the collections.
   *
   * @throws NullPointerException if {@code startingCash}, {@code channels}, {@code extra} or a key
   *     of {@code extra} is null
   * @throws IllegalArgumentException if {@code startingCash} is negative, {@code threshold} is not
   *     between 0 and 1, or {@code channels} is empty or holds a null or blank channel
   */
  public AlgoParams {
    Objects.requireNonNull(startingCash, "starting_cash must not be null");
    if (startingCash.signum() < 0) {
      throw new IllegalArgumentException(
          "starting_cash must not be negative, but was " + startingCash);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1, but was " + threshold);
    }
    channels = checkedChannels(Objects.requireNonNull(channels, "channels must not be null"));
    Objects.requireNonNull(extra, "extra must not be null");
    extra.keySet().forEach(key -> Objects.requireNonNull(key, "extra keys must not be null"));
    // Wire params may carry null values, which Map.copyOf rejects.
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /**
   * Reads the wire params of {@code initialize}; a missing or null key takes its default.
   *
   * <p>Known keys: {@code threshold} (default 0.5), {@code starting_cash} or else {@code cash}, as
   * the bridge sends it (default 10000), and {@code channels} (default {@code ["quotes"]}). Numbers
   * may be integers, floating-point or numeric text; text may be str or UTF-8 bin.
   *
   * @param params the decoded params: an object, or null for all defaults
   * @return the parameters, every unknown key kept in {@link #extra()}
   * @throws IllegalArgumentException if {@code params} is not an object or a known key is
   *     malformed; the message names the key and the offending value
   */
  public static AlgoParams from(Object params) {
    Map<String, Object> fields = params == null ? Map.of() : fields(params);
    String cashKey = fields.get(STARTING_CASH) != null ? STARTING_CASH : CASH;
    Map<String, Object> extra = new LinkedHashMap<>(fields);
    extra.keySet().removeAll(KNOWN);
    return new AlgoParams(
        startingCash(cashKey, fields.get(cashKey)),
        threshold(fields.get(THRESHOLD)),
        channels(fields.get(CHANNELS)),
        extra);
  }

  private static Map<String, Object> fields(Object params) {
    if (!(params instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "params must be an object, but was " + Values.describe(params));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          String name = Values.text(key);
          if (name == null) {
            throw new IllegalArgumentException(
                "params keys must be strings, but was " + Values.describe(key));
          }
          fields.put(name, value);
        });
    return fields;
  }

  private static BigDecimal startingCash(String key, Object value) {
    if (value == null) {
      return DEFAULT_STARTING_CASH;
    }
    BigDecimal cash = number(key, value);
    double approximate = cash.doubleValue();
    // Huge or tiny magnitudes make the portfolio's exact arithmetic arbitrarily slow.
    if (cash.signum() != 0 && (Double.isInfinite(approximate) || approximate == 0)) {
      throw new IllegalArgumentException(
          key + " must be within double range, but was " + Values.describe(value));
    }
    if (cash.signum() < 0) {
      throw new IllegalArgumentException(
          key + " must not be negative, but was " + Values.describe(value));
    }
    return cash;
  }

  private static double threshold(Object value) {
    if (value == null) {
      return DEFAULT_THRESHOLD;
    }
    double threshold = number(THRESHOLD, value).doubleValue();
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "threshold must be between 0 and 1, but was " + Values.describe(value));
    }
    return threshold;
  }

  private static List<String> channels(Object value) {
    if (value == null) {
      return DEFAULT_CHANNELS;
    }
    if (!(value instanceof List<?> items)) {
      throw new IllegalArgumentException(
          "channels must be a list of strings, but was " + Values.describe(value));
    }
    List<String> channels = new ArrayList<>();
    for (Object item : items) {
      String channel = Values.text(item);
      if (channel == null) {
        throw new IllegalArgumentException(
            "channels must contain only non-empty strings, but had " + Values.describe(item));
      }
      channels.add(channel);
    }
    return channels;
  }

  private static List<String> checkedChannels(List<String> channels) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("channels must not be empty");
    }
    for (String channel : channels) {
      if (channel == null || channel.isBlank()) {
        throw new IllegalArgumentException(
            "channels must contain only non-empty strings, but had " + Values.describe(channel));
      }
    }
    return List.copyOf(channels);
  }

  private static BigDecimal number(String key, Object value) {
    return Values.decimal(key, value, IllegalArgumentException::new);
  }
}
