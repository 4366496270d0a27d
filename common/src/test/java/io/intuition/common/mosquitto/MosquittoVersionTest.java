package io.intuition.common.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MosquittoVersionTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2.0.13", "2.0.21", "2.0.100", "2.1.0", "3.0", "2.0.18-rc1"})
  void isFixed_2_0_13OrNewer_isTrue(String version) {
    assertThat(MosquittoVersion.isFixed(version)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2.0.11", "2.0.12", "2.0.9", "1.6.15", "2.0", "2"})
  void isFixed_before2_0_13_isFalse(String version) {
    assertThat(MosquittoVersion.isFixed(version)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "v2.0.13", "mosquitto", ".2"})
  void isFixed_notAVersion_failsNamingIt(String version) {
    assertThatThrownBy(() -> MosquittoVersion.isFixed(version))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must start with a number such as 2.0.13, but was \"" + version + "\"");
  }

  @Test
  void compare_comparesNumberByNumberNotAsText() {
    assertThat(MosquittoVersion.compare("2.0.9", "2.0.13")).isNegative();
    assertThat(MosquittoVersion.compare("2.0.21", "2.0.21")).isZero();
    assertThat(MosquittoVersion.compare("2.1.0", "2.0.21")).isPositive();
  }

  @Test
  void parseHelp_firstLineOfMosquittoHelp_givesTheVersion() {
    String help = "mosquitto version 2.0.21\n\nmosquitto is an MQTT v5.0/v3.1.1/v3.1 broker.\n";

    assertThat(MosquittoVersion.parseHelp(help)).contains("2.0.21");
  }

  @Test
  void parseHelp_otherOutput_givesNothing() {
    String error =
        "mosquitto: error while loading shared libraries: libwebsockets.so.17: cannot open"
            + " shared object file: No such file or directory\n";

    assertThat(MosquittoVersion.parseHelp(error)).isEmpty();
    assertThat(MosquittoVersion.parseHelp("")).isEmpty();
  }

  @Test
  void of_missingBinary_givesNothing(@TempDir Path folder) {
    assertThat(MosquittoVersion.of(folder.resolve("mosquitto"))).isEmpty();
  }
}
