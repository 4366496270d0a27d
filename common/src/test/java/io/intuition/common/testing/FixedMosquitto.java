package io.intuition.common.testing;

import io.intuition.common.mosquitto.MosquittoLocations;
import io.intuition.common.mosquitto.MosquittoVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds a Mosquitto broker of version 2.0.13 or newer, where {@code
 * scripts/setup-fixed-mosquitto.sh} puts or finds one.
 */
final class FixedMosquitto {
  static final String PROPERTY = MosquittoLocations.PROPERTY;
  static final String VARIABLE = MosquittoLocations.VARIABLE;

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
    List<Path> candidates =
        new ArrayList<>(MosquittoLocations.fixedCandidates(environment, properties));
    MosquittoClients.find("mosquitto", searchPath).ifPresent(candidates::add);
    return candidates;
  }

  /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/intuition}, as the setup script has it. */
  static Path cacheDirectory(Map<String, String> environment, Properties properties) {
    return MosquittoLocations.cacheDirectory(environment, properties);
  }
}
