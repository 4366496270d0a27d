package io.intuition.common.mosquitto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mosquitto versions: what a binary reports, and whether it is free of 2.0.11's inflight-quota bug,
 * fixed in 2.0.13.
 */
public final class MosquittoVersion {
  /** The first version without the inflight-quota bug. */
  public static final String FIXED = "2.0.13";

  private static final Pattern HELP_LINE = Pattern.compile("mosquitto version (\\S+)");
  private static final Pattern NUMBERS = Pattern.compile("(\\d+(?:\\.\\d+)*).*");
  private static final long HELP_TIMEOUT_S = 10;

  private MosquittoVersion() {}

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

  /** The version {@code binary -h} reports, or empty if it does not run or names none. */
  public static Optional<String> of(Path binary) {
    return Files.isExecutable(binary) ? parseHelp(help(binary)) : Optional.empty();
  }

  /** The version in the first line of {@code mosquitto -h}: "mosquitto version 2.0.21". */
  public static Optional<String> parseHelp(String output) {
    String firstLine = output.lines().findFirst().orElse("").strip();
    Matcher matcher = HELP_LINE.matcher(firstLine);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static int[] numbers(String version) {
    Matcher matcher = NUMBERS.matcher(version);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "version must start with a number such as 2.0.13, but was \"" + version + "\"");
    }
    return Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
  }

  /** What {@code binary -h} prints; it exits with 3, so the exit code says nothing. */
  private static String help(Path binary) {
    Path output = createTempFile();
    try {
      Process process =
          new ProcessBuilder(binary.toString(), "-h")
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(HELP_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "";
      }
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // it does not run here, such as a binary for another machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // a leftover file in the temp folder does no harm
      }
    }
  }

  private static Path createTempFile() {
    try {
      return Files.createTempFile("mosquitto-help-", ".txt");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a file for mosquitto -h", e);
    }
  }
}
