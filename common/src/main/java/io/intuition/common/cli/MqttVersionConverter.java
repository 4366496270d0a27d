package io.intuition.common.cli;

import io.intuition.common.mqtt.MqttVersion;
import picocli.CommandLine;

/** Reads {@code --mqtt-version}. */
final class MqttVersionConverter implements CommandLine.ITypeConverter<MqttVersion> {
  @Override
  public MqttVersion convert(String value) {
    try {
      return MqttVersion.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
