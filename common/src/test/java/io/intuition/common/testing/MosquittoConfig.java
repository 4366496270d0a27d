package io.intuition.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The configuration of the test broker; its comments say why each setting is there. */
final class MosquittoConfig {
  private MosquittoConfig() {}

  /** The configuration file in the broker's {@code directory}. */
  static Path file(Path directory) {
    return directory.resolve("mosquitto.conf");
  }

  /**
   * Writes the configuration for a broker on {@code port} keeping its files in {@code directory},
   * with the settings {@code options} vary.
   */
  static void write(int port, Path directory, MosquittoOptions options) {
    String config =
        """
        listener %d 127.0.0.1
        allow_anonymous true
        # as root, mosquitto would switch to user mosquitto, who cannot write to this directory
        user %s
        %s\
        # the default, 1000, drops the rest of 10,000 quotes queued for an offline session
        max_queued_messages 0
        # mosquitto's default, 20, is kept by default: 0 (no limit) would send a reconnecting
        # session its whole queue unacknowledged at once
        max_inflight_messages %d
        pid_file %s/mosquitto.pid
        log_dest file %s/mosquitto.log
        log_type error
        log_type warning
        log_type notice
        log_type information
        log_type subscribe
        log_type unsubscribe
        log_timestamp_format %%Y-%%m-%%dT%%H:%%M:%%S
        """
            .formatted(
                port,
                System.getProperty("user.name"),
                persistence(options.persistence(), directory),
                options.maxInflightMessages(),
                directory,
                directory);
    StringBuilder text = new StringBuilder(config);
    options.extraConfig().forEach(line -> text.append(line).append('\n'));
    try {
      Files.writeString(file(directory), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(directory), e);
    }
  }

  private static String persistence(boolean on, Path directory) {
    if (!on) {
      return "persistence false\n";
    }
    return """
        persistence true
        persistence_location %s/
        # saving on every change survives kill -9 but takes 60 s instead of 0.7 s to accept
        # 10,000 QoS 1 messages, so tests that kill the broker call save() first
        autosave_interval 1
        autosave_on_changes false
        """
        .formatted(directory);
  }
}
