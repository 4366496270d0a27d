package io.intuition.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosquittoFinderTest {
  @TempDir Path dir;

  @Test
  void fixedCandidates_propertyThenVariableThenCacheNewestFirstThenSystem() throws IOException {
    Path older = fakeBinary(dir.resolve("cache/intuition/mosquitto-2.0.9/usr/sbin"), "2.0.9");
    Path newer = fakeBinary(dir.resolve("cache/intuition/mosquitto-2.0.21/usr/sbin"), "2.0.21");
    Path system = fakeBinary(dir.resolve("bin"), "2.0.11");
    Properties properties = new Properties();
    properties.setProperty(MosquittoFinder.PROPERTY, "/from/property");
    MosquittoFinder finder =
        new MosquittoFinder(
            Map.of(
                MosquittoFinder.VARIABLE,
                "/from/variable",
                "XDG_CACHE_HOME",
                dir.resolve("cache").toString(),
                "PATH",
                system.getParent().toString()),
            properties);

    assertThat(finder.fixedCandidates())
        .containsExactly(
            Path.of("/from/property"), Path.of("/from/variable"), newer, older, system);
  }

  @Test
  void fixed_runsEachCandidateAndTakesTheFirstFixedOne_preferredFallsBackToTheSystems()
      throws IOException {
    Path system = fakeBinary(dir.resolve("bin"), "2.0.11");
    MosquittoFinder withoutFixed =
        new MosquittoFinder(
            Map.of("HOME", dir.toString(), "PATH", system.getParent().toString()),
            new Properties());
    fakeBinary(dir.resolve(".cache/intuition/mosquitto-2.0.21/usr/sbin"), "2.0.21");
    MosquittoFinder withFixed =
        new MosquittoFinder(
            Map.of("HOME", dir.toString(), "PATH", system.getParent().toString()),
            new Properties());

    assertThat(withFixed.fixed()).map(MosquittoBinary::version).contains("2.0.21");
    assertThat(withFixed.system()).map(MosquittoBinary::version).contains("2.0.11");
    Files.delete(dir.resolve(".cache/intuition/mosquitto-2.0.21/usr/sbin/mosquitto"));
    assertThat(withoutFixed.preferred()).map(MosquittoBinary::path).contains(system);
  }

  @Test
  void cacheDirectory_withoutXdgCacheHome_isUnderHome() {
    MosquittoFinder finder = new MosquittoFinder(Map.of("HOME", "/home/u"), new Properties());

    assertThat(finder.cacheDirectory()).isEqualTo(Path.of("/home/u/.cache/intuition"));
  }

  /** A script that prints mosquitto's help line and exits 3, as mosquitto -h does. */
  private static Path fakeBinary(Path folder, String version) throws IOException {
    Files.createDirectories(folder);
    Path binary = folder.resolve("mosquitto");
    Files.writeString(binary, "#!/bin/sh\necho 'mosquitto version " + version + "'\nexit 3\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    return binary;
  }
}
