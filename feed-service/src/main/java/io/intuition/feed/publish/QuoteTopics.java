package io.intuition.feed.publish;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which topic each quote goes to: all to {@code topic}, or, per symbol, each to {@code
 * <topic>/<sid>}, so that an algo can subscribe to the symbols it owns. A symbol that cannot be a
 * topic level (empty, or holding {@code /}, {@code +}, {@code #} or a control character) has no
 * topic of its own: its quotes are refused, and said so once per symbol. Used by the publishing
 * thread only.
 */
public final class QuoteTopics {
  private static final Logger log = LoggerFactory.getLogger(QuoteTopics.class);

  private final String topic;
  private final boolean perSymbol;
  private final Set<String> refused = new HashSet<>();
  private long refusedQuotes;

  /** Quotes to {@code topic}, or below it by symbol when {@code perSymbol}. */
  public QuoteTopics(String topic, boolean perSymbol) {
    this.topic = topic;
    this.perSymbol = perSymbol;
  }

  /** The topic of a quote of {@code sid}, or null when it is refused. */
  String of(String sid) {
    if (!perSymbol) {
      return topic;
    }
    if (isLevel(sid)) {
      return topic + "/" + sid;
    }
    refusedQuotes++;
    if (refused.add(sid)) {
      log.warn(
          "refused the quotes of sid \"{}\": with --topic-per-symbol a sid must be a topic level,"
              + " without '/', '+', '#' or control characters",
          sid);
    }
    return null;
  }

  /** How many quotes were refused for their symbol. */
  public long refusedQuotes() {
    return refusedQuotes;
  }

  /** What the feed publishes on: the topic, or its symbols' filter. */
  public String filter() {
    return perSymbol ? topic + "/+" : topic;
  }

  @Override
  public String toString() {
    return perSymbol ? topic + "/<sid>" : topic;
  }

  private static boolean isLevel(String sid) {
    for (int i = 0; i < sid.length(); i++) {
      char c = sid.charAt(i);
      if (c == '/' || c == '+' || c == '#' || Character.isISOControl(c)) {
        return false;
      }
    }
    return !sid.isEmpty();
  }
}
