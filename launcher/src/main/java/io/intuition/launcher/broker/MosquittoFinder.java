package io.intuition.launcher.broker;

import io.intuition.common.mosquitto.MosquittoLocations;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds Mosquitto binaries: the system's, on the {@code PATH} or in the usual sbin folders, and a
 * fixed one (2.0.13 or newer) where {@code scripts/setup-fixed-mosquitto.sh} puts it, as the test
 * helper {@code MosquittoBroker.fixedBinary()} does.
 */
public final class MosquittoFinder {
  /** The system property naming a fixed binary. */
  public static final String PROPERTY = MosquittoLocations.PROPERTY;

  /** The environment variable naming a fixed binary. */
  public static final String VARIABLE = MosquittoLocations.VARIABLE;

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
    List<Path> candidates =
        new ArrayList<>(MosquittoLocations.fixedCandidates(environment, properties));
    systemPath().ifPresent(candidates::add);
    return candidates;
  }

  /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/intuition}, as the setup script has it. */
  Path cacheDirectory() {
    return MosquittoLocations.cacheDirectory(environment, properties);
  }

  private Optional<Path> systemPath() {
    Stream<String> path = Stream.of(environment.getOrDefault("PATH", "").split(File.pathSeparator));
    return Stream.concat(path, SBIN.stream())
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "mosquitto"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
