package io.intuition.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedMosquittoTest {
  @TempDir Path temp;

  @Test
  void cacheDirectory_xdgCacheHomeSet_isUnderIt() {
    Map<String, String> environment = Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h");

    assertThat(FixedMosquitto.cacheDirectory(environment, new Properties()))
        .isEqualTo(Path.of("/c", "intuition"));
  }

  @Test
  void cacheDirectory_xdgCacheHomeEmpty_isUnderHomeDotCache() {
    Map<String, String> environment = Map.of("XDG_CACHE_HOME", "", "HOME", "/h");

    assertThat(FixedMosquitto.cacheDirectory(environment, new Properties()))
        .isEqualTo(Path.of("/h", ".cache", "intuition"));
  }

  @Test
  void cacheDirectory_noHome_isUnderUserHome() {
    Properties properties = new Properties();
    properties.setProperty("user.home", "/u");

    assertThat(FixedMosquitto.cacheDirectory(Map.of(), properties))
        .isEqualTo(Path.of("/u", ".cache", "intuition"));
  }

  @Test
  void candidates_propertyThenVariableThenCachedNewestFirstThenSystem() throws IOException {
    Path cache = temp.resolve("cache");
    Path older = cached(cache, "2.0.9");
    Path newest = cached(cache, "2.0.21");
    Path newer = cached(cache, "2.0.13");
    Files.createDirectories(cache.resolve("intuition").resolve("mosquitto-notes"));
    Path system = executable(temp.resolve("sbin").resolve("mosquitto"));
    Properties properties = new Properties();
    properties.setProperty(FixedMosquitto.PROPERTY, "/opt/p/mosquitto");
    Map<String, String> environment =
        Map.of(FixedMosquitto.VARIABLE, "/opt/v/mosquitto", "XDG_CACHE_HOME", cache.toString());

    List<Path> candidates =
        FixedMosquitto.candidates(environment, properties, List.of(system.getParent()));

    assertThat(candidates)
        .containsExactly(
            Path.of("/opt/p/mosquitto"), Path.of("/opt/v/mosquitto"), newest, newer, older, system);
  }

  @Test
  void candidates_nothingSetNoCacheNoSystem_isEmpty() {
    Map<String, String> environment = Map.of("XDG_CACHE_HOME", temp.resolve("none").toString());

    assertThat(FixedMosquitto.candidates(environment, new Properties(), List.of(temp))).isEmpty();
  }

  private static Path cached(Path cache, String version) throws IOException {
    Path folder = cache.resolve("intuition").resolve("mosquitto-" + version);
    return executable(folder.resolve("usr").resolve("sbin").resolve("mosquitto"));
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return file;
  }
}
