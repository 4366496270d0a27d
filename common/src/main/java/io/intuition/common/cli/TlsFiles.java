package io.intuition.common.cli;

import io.intuition.common.mqtt.MqttTls;
import io.intuition.common.mqtt.MqttUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The TLS that {@code --ca-file}, {@code --cert-file}, {@code --key-file} and --insecure ask. */
final class TlsFiles {
  private TlsFiles() {}

  /** What the options ask for the broker {@code parsed}; refuses what does not fit together. */
  static MqttTls tls(MqttUrl parsed, Path caFile, Path certFile, Path keyFile, boolean insecure) {
    List<String> given = new ArrayList<>();
    MqttOptions.addIf(given, caFile != null, "--ca-file");
    MqttOptions.addIf(given, certFile != null, "--cert-file");
    MqttOptions.addIf(given, keyFile != null, "--key-file");
    MqttOptions.addIf(given, insecure, "--insecure");
    if (!parsed.tls()) {
      if (!given.isEmpty()) {
        throw new IllegalArgumentException(
            String.join(", ", given)
                + (given.size() == 1 ? " needs" : " need")
                + " a TLS broker URL (mqtts:// or ssl://), but --mqtt is "
                + parsed);
      }
      return MqttTls.jvmDefault();
    }
    if (certFile != null && keyFile == null) {
      throw new IllegalArgumentException("--cert-file needs --key-file, the certificate's key");
    }
    if (keyFile != null && certFile == null) {
      throw new IllegalArgumentException("--key-file needs --cert-file, the key's certificate");
    }
    return MqttTls.fromPem(caFile, certFile, keyFile, !insecure);
  }
}
