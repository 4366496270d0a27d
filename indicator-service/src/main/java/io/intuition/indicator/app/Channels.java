package io.intuition.indicator.app;

import java.util.List;

/** Reads {@code --channels}. */
final class Channels {
  private Channels() {}

  /**
   * The channels, trimmed.
   *
   * @throws IllegalArgumentException if there are none, or one is empty
   */
  static List<String> of(List<String> given) {
    List<String> channels = given.stream().map(String::trim).toList();
    if (channels.isEmpty() || channels.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "--channels must name topics, comma-separated, but was \""
              + String.join(",", given)
              + "\"");
    }
    return channels;
  }
}
