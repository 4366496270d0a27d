package io.intuition.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosquittoOptionsTest {
  @TempDir Path directory;

  @Test
  void defaults_systemBinaryTwentyInFlightPersistentNothingExtra() {
    MosquittoOptions options = MosquittoOptions.defaults();

    assertThat(options.binary()).isEmpty();
    assertThat(options.maxInflightMessages()).isEqualTo(20);
    assertThat(options.persistence()).isTrue();
    assertThat(options.extraConfig()).isEmpty();
  }

  @Test
  void withers_changeOneSettingEach() {
    MosquittoOptions options =
        MosquittoOptions.defaults()
            .withBinary(Path.of("/opt/mosquitto"))
            .withMaxInflightMessages(0)
            .withPersistence(false)
            .withExtraConfig(List.of("max_keepalive 60"));

    assertThat(options)
        .isEqualTo(
            new MosquittoOptions(
                Optional.of(Path.of("/opt/mosquitto")), 0, false, List.of("max_keepalive 60")));
  }

  @Test
  void extraConfig_isCopied() {
    List<String> lines = new ArrayList<>(List.of("max_keepalive 60"));
    MosquittoOptions options = MosquittoOptions.defaults().withExtraConfig(lines);
    lines.add("later");

    assertThat(options.extraConfig()).containsExactly("max_keepalive 60");
  }

  @Test
  void maxInflightMessages_outOfRange_isRejected() {
    assertThatThrownBy(() -> MosquittoOptions.defaults().withMaxInflightMessages(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInflightMessages must be between 0 and 65535, but was -1");
  }

  @Test
  void extraConfig_lineWithBreak_isRejected() {
    assertThatThrownBy(() -> MosquittoOptions.defaults().withExtraConfig(List.of("a\nb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extraConfig line must not contain a line break, but was \"a\nb\"");
  }

  @Test
  void write_defaults_persistsAndKeepsTwentyInFlight() throws IOException {
    MosquittoConfig.write(1883, directory, MosquittoOptions.defaults());

    assertThat(config())
        .startsWith("listener 1883 127.0.0.1\n")
        .contains("\npersistence true\npersistence_location " + directory + "/\n")
        .contains("\nautosave_interval 1\n")
        .contains("\nmax_inflight_messages 20\n")
        .endsWith("\nlog_timestamp_format %Y-%m-%dT%H:%M:%S\n");
  }

  @Test
  void write_options_setInFlightPersistenceAndAppendExtraLines() throws IOException {
    MosquittoOptions options =
        MosquittoOptions.defaults()
            .withMaxInflightMessages(5)
            .withPersistence(false)
            .withExtraConfig(List.of("max_keepalive 60", "max_packet_size 1000"));

    MosquittoConfig.write(1883, directory, options);

    assertThat(config())
        .contains("\npersistence false\n# the default, 1000,")
        .doesNotContain("persistence_location", "autosave")
        .contains("\nmax_inflight_messages 5\n")
        .endsWith("%S\nmax_keepalive 60\nmax_packet_size 1000\n");
  }

  private String config() throws IOException {
    return Files.readString(MosquittoConfig.file(directory));
  }
}
