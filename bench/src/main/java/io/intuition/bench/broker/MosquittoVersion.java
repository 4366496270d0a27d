package io.intuition.bench.broker;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mosquitto versions: the one {@code mosquitto -h} names, and whether it is free of 2.0.11's
 * inflight-quota bug, fixed in 2.0.13.
 */
public final class MosquittoVersion {
  /** The first version without the inflight-quota bug. */
  public static final String FIXED = "2.0.13";

  private static final Pattern HELP_LINE = Pattern.compile("mosquitto version (\\S+)");
  private static final Pattern NUMBERS = Pattern.compile("(\\d+(?:\\.\\d+)*).*");

  private MosquittoVersion() {}

  /** The version in the first line of {@code mosquitto -h}: "mosquitto version 2.0.21". */
  public static Optional<String> parseHelp(String output) {
    String firstLine = output.lines().findFirst().orElse("").strip();
    Matcher matcher = HELP_LINE.matcher(firstLine);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * Whether {@code version}, such as {@code "2.0.21"}, is 2.0.13 or newer.
   *
   * @throws IllegalArgumentException if {@code version} does not start with a number
   */
  public static boolean isFixed(String version) {
    return compare(version, FIXED) >= 0;
  }

  /**
   * Compares two versions number by number: {@code "2.0.9"} is before {@code "2.0.13"}; what
   * follows the numbers, such as {@code "-rc1"}, is ignored.
   *
   * @throws IllegalArgumentException if a version does not start with a number
   */
  public static int compare(String left, String right) {
    return Arrays.compare(numbers(left), numbers(right));
  }

  private static int[] numbers(String version) {
    Matcher matcher = NUMBERS.matcher(version);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "version must start with a number such as 2.0.13, but was \"" + version + "\"");
    }
    return Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
  }
}
