package io.intuition.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code scripts/make-secrets.sh} makes, in a folder of a test's: the CA and the broker's
 * certificate, the logins, and the CURVE key pairs that docker-compose.secure.yml mounts.
 *
 * @param dir the folder the script wrote
 */
record Secrets(Path dir) {

  /** Runs the script into {@code dir}; fails the test with its output if it fails. */
  static Secrets make(Path dir) {
    try {
      Process script =
          new ProcessBuilder(
                  Repository.path("scripts/make-secrets.sh").toString(), "--dir", dir.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(script.getInputStream().readAllBytes());
      if (!script.waitFor(120, TimeUnit.SECONDS) || script.exitValue() != 0) {
        throw new AssertionError("scripts/make-secrets.sh failed: " + output);
      }
      return new Secrets(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A file the script made, by its path in the folder, such as {@code tls/ca.crt}. */
  Path file(String relative) {
    Path file = dir.resolve(relative);
    if (!Files.exists(file)) {
      throw new AssertionError("scripts/make-secrets.sh made no " + relative);
    }
    return file;
  }

  /** The password of an MQTT user the script made a login for. */
  String password(String user) {
    try {
      return Files.readAllLines(file("mqtt/" + user + ".password")).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a login for {@code user} to the broker's password file. */
  void addLogin(String user, String password) {
    ConfiguredBroker.run(
        List.of("mosquitto_passwd", "-b", file("mqtt/passwords").toString(), user, password));
  }
}
