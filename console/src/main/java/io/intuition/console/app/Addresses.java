package io.intuition.console.app;

import java.util.ArrayList;
import java.util.List;

/** Checks of the addresses and topics the command line gives. */
final class Addresses {
  private Addresses() {}

  /**
   * The addresses of a comma-separated option, blanks dropped.
   *
   * @throws IllegalArgumentException if one does not start with {@code scheme}, naming the option
   */
  static List<String> of(String option, List<String> given, String scheme) {
    List<String> addresses = new ArrayList<>();
    if (given == null) {
      return addresses;
    }
    for (String each : given) {
      String address = each.strip();
      if (address.isEmpty()) {
        continue;
      }
      if (!address.startsWith(scheme)) {
        throw new IllegalArgumentException(
            option + " addresses must start with " + scheme + ", but was \"" + address + '"');
      }
      addresses.add(address);
    }
    return addresses;
  }

  /**
   * Checks a topic or topic prefix.
   *
   * @throws IllegalArgumentException if it is blank or holds a wildcard, naming the option
   */
  static void requireTopic(String option, String topic) {
    if (topic == null || topic.isBlank() || topic.contains("#") || topic.contains("+")) {
      throw new IllegalArgumentException(
          option + " must be a topic without wildcards, but was \"" + topic + '"');
    }
  }
}
