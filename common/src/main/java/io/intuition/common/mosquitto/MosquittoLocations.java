package io.intuition.common.mosquitto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a fixed Mosquitto (2.0.13 or newer) may be, as {@code scripts/setup-fixed-mosquitto.sh}
 * puts it or is told of it: for the tests and the bench alike.
 */
public final class MosquittoLocations {
  /** The system property naming a fixed binary. */
  public static final String PROPERTY = "intuition.mosquitto.fixed";

  /** The environment variable naming a fixed binary. */
  public static final String VARIABLE = "INTUITION_MOSQUITTO_FIXED";

  private static final Pattern CACHED = Pattern.compile("mosquitto-(\\d+(?:\\.\\d+)*)");

  private MosquittoLocations() {}

  /**
   * Where a fixed broker may be, in order: the system property, the variable, then the copies in
   * the cache folder, newest first. Only the cached ones are checked to exist.
   */
  public static List<Path> fixedCandidates(Map<String, String> environment, Properties properties) {
    List<Path> candidates = new ArrayList<>();
    nonEmpty(properties.getProperty(PROPERTY)).map(Path::of).ifPresent(candidates::add);
    nonEmpty(environment.get(VARIABLE)).map(Path::of).ifPresent(candidates::add);
    candidates.addAll(cached(cacheDirectory(environment, properties)));
    return candidates;
  }

  /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/intuition}, as the setup script has it. */
  public static Path cacheDirectory(Map<String, String> environment, Properties properties) {
    Optional<String> xdg = nonEmpty(environment.get("XDG_CACHE_HOME"));
    if (xdg.isPresent()) {
      return Path.of(xdg.get(), "intuition");
    }
    String home = nonEmpty(environment.get("HOME")).orElse(properties.getProperty("user.home"));
    return Path.of(home, ".cache", "intuition");
  }

  /** The binaries in {@code mosquitto-<version>/usr/sbin} under {@code cache}, newest first. */
  private static List<Path> cached(Path cache) {
    try (Stream<Path> folders = Files.list(cache)) {
      return folders
          .filter(folder -> version(folder).isPresent())
          .sorted(
              Comparator.comparing(
                      (Path folder) -> version(folder).orElseThrow(), MosquittoVersion::compare)
                  .reversed())
          .map(folder -> folder.resolve("usr").resolve("sbin").resolve("mosquitto"))
          .filter(Files::isExecutable)
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + cache, e);
    }
  }

  private static Optional<String> version(Path folder) {
    Matcher matcher = CACHED.matcher(folder.getFileName().toString());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).filter(text -> !text.isBlank());
  }
}
