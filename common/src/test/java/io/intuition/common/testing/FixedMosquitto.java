package io.intuition.common.testing;

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
 * Finds a Mosquitto broker of version 2.0.13 or newer, where {@code
 * scripts/setup-fixed-mosquitto.sh} puts or finds one.
 */
final class FixedMosquitto {
  static final String PROPERTY = "intuition.mosquitto.fixed";
  static final String VARIABLE = "INTUITION_MOSQUITTO_FIXED";

  private static final Pattern CACHED = Pattern.compile("mosquitto-(\\d+(?:\\.\\d+)*)");

  private FixedMosquitto() {}

  /** The first of {@link #candidates} that runs and reports a fixed version. */
  static Optional<Path> find() {
    return candidates(System.getenv(), System.getProperties(), MosquittoClients.searchPath())
        .stream()
        .filter(binary -> MosquittoVersion.of(binary).filter(MosquittoVersion::isFixed).isPresent())
        .findFirst();
  }

  /**
   * Where a fixed broker may be, in order: the system property {@code intuition.mosquitto.fixed},
   * the variable {@code INTUITION_MOSQUITTO_FIXED}, the copies in the cache folder (newest first),
   * then the system's {@code mosquitto}. Only the cached ones are checked to exist.
   */
  static List<Path> candidates(
      Map<String, String> environment, Properties properties, List<Path> searchPath) {
    List<Path> candidates = new ArrayList<>();
    nonEmpty(properties.getProperty(PROPERTY)).map(Path::of).ifPresent(candidates::add);
    nonEmpty(environment.get(VARIABLE)).map(Path::of).ifPresent(candidates::add);
    candidates.addAll(cached(cacheDirectory(environment, properties)));
    MosquittoClients.find("mosquitto", searchPath).ifPresent(candidates::add);
    return candidates;
  }

  /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/intuition}, as the setup script has it. */
  static Path cacheDirectory(Map<String, String> environment, Properties properties) {
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
