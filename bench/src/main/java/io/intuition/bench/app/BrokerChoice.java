package io.intuition.bench.app;

import io.intuition.launcher.broker.LocalMosquitto;
import io.intuition.launcher.broker.MosquittoBinary;
import io.intuition.launcher.broker.MosquittoFinder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Which Mosquitto binaries the bench starts: its main broker's, and the overload step's. */
final class BrokerChoice {
  private final MosquittoFinder finder;

  BrokerChoice(MosquittoFinder finder) {
    this.finder = finder;
  }

  /**
   * The main broker's binary: {@code given} when set, else the fixed one, else the system's.
   *
   * @throws IllegalArgumentException if {@code given} does not run or names no version
   * @throws IllegalStateException if none is given and none is installed
   */
  MosquittoBinary main(Path given) {
    if (given != null) {
      return MosquittoBinary.of(given)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "--mosquitto must be a mosquitto binary that runs and names its version,"
                          + " but was "
                          + given));
    }
    return finder
        .preferred()
        .orElseThrow(() -> new IllegalStateException(LocalMosquitto.NOT_INSTALLED));
  }

  /**
   * The main broker's binary (if the bench started one), the fixed one, the system's: each version
   * once.
   */
  List<MosquittoBinary> overload(LocalMosquitto main) {
    Map<String, MosquittoBinary> byVersion = new LinkedHashMap<>();
    Stream.of(
            Optional.ofNullable(main).map(LocalMosquitto::binary), finder.fixed(), finder.system())
        .flatMap(Optional::stream)
        .forEach(binary -> byVersion.putIfAbsent(binary.version(), binary));
    return List.copyOf(byVersion.values());
  }
}
