package io.intuition.bench.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts of the algo-service's last log line, at stop: {@code stopped: answered N quotes, M of
 * them untraded as stale}.
 *
 * @param answered quotes the algo answered, each delivery counted
 * @param stale quotes answered untraded: a {@code ts} not after the newest handled for their symbol
 */
public record AlgoTally(long answered, long stale) {
  private static final Pattern LINE =
      Pattern.compile("stopped: answered (\\d+) quotes, (\\d+) of them untraded as stale");

  /** The counts of the stop line in {@code log}, or empty if it has none. */
  public static Optional<AlgoTally> in(String log) {
    Matcher matcher = LINE.matcher(log);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new AlgoTally(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
  }
}
