package io.intuition.console.intake;

/** An MQTT topic filter, with the {@code +} and {@code #} wildcards, matched against topics. */
record TopicFilter(String filter) {

  /** Whether {@code topic} matches the filter. */
  boolean matches(String topic) {
    String[] want = filter.split("/", -1);
    String[] have = topic.split("/", -1);
    for (int i = 0; i < want.length; i++) {
      if (want[i].equals("#")) {
        return true;
      }
      if (i >= have.length || !(want[i].equals("+") || want[i].equals(have[i]))) {
        return false;
      }
    }
    return want.length == have.length;
  }
}
