package io.intuition.bench.broker;

import java.io.File;
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
 * Finds Mosquitto binaries: the system's, on the {@code PATH} or in the usual sbin folders, and a
 * fixed one (2.0.13 or newer) where {@code scripts/setup-fixed-mosquitto.sh} puts it, as the test
 * helper {@code MosquittoBroker.fixedBinary()} does.
 */
public final class MosquittoFinder {
  /** The system property naming a fixed binary. */
  public static final String PROPERTY = "intuition.mosquitto.fixed";

  /** The environment variable naming a fixed binary. */
  public static final String VARIABLE = "INTUITION_MOSQUITTO_FIXED";

  private static final Pattern CACHED = Pattern.compile("mosquitto-(\\d+(?:\\.\\d+)*)");
  private static final List<String> SBIN = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

  private final Map<String, String> environment;
  private final Properties properties;

  /** A finder reading {@code environment} and {@code properties}. */
  public MosquittoFinder(Map<String, String> environment, Properties properties) {
    this.environment = Map.copyOf(environment);
    this.properties = properties;
  }

  /** A finder reading this process's environment and system properties. */
  public static MosquittoFinder here() {
    return new MosquittoFinder(System.getenv(), System.getProperties());
  }

  /** The fixed binary if one is found, else the system's. */
  public Optional<MosquittoBinary> preferred() {
    return fixed().or(this::system);
  }

  /** The first of {@link #fixedCandidates} that runs and reports a fixed version. */
  public Optional<MosquittoBinary> fixed() {
    return fixedCandidates().stream()
        .map(MosquittoBinary::of)
        .flatMap(Optional::stream)
        .filter(MosquittoBinary::fixed)
        .findFirst();
  }

  /** The system's {@code mosquitto}, whatever its version. */
  public Optional<MosquittoBinary> system() {
    return systemPath().flatMap(MosquittoBinary::of);
  }

  /**
   * Where a fixed broker may be, in order: the system property, the variable, the copies in the
   * cache folder (newest first), then the system's {@code mosquitto}.
   */
  List<Path> fixedCandidates() {
    List<Path> candidates = new ArrayList<>();
    nonEmpty(properties.getProperty(PROPERTY)).map(Path::of).ifPresent(candidates::add);
    nonEmpty(environment.get(VARIABLE)).map(Path::of).ifPresent(candidates::add);
    candidates.addAll(cached(cacheDirectory()));
    systemPath().ifPresent(candidates::add);
    return candidates;
  }

  /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/intuition}, as the setup script has it. */
  Path cacheDirectory() {
    Optional<String> xdg = nonEmpty(environment.get("XDG_CACHE_HOME"));
    if (xdg.isPresent()) {
      return Path.of(xdg.get(), "intuition");
    }
    String home = nonEmpty(environment.get("HOME")).orElse(properties.getProperty("user.home"));
    return Path.of(home, ".cache", "intuition");
  }

  private Optional<Path> systemPath() {
    Stream<String> path = Stream.of(environment.getOrDefault("PATH", "").split(File.pathSeparator));
    return Stream.concat(path, SBIN.stream())
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "mosquitto"))
        .filter(Files::isExecutable)
        .findFirst();
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
