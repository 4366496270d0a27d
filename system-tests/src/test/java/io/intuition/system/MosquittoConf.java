package io.intuition.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mosquitto configuration file of the repository: each setting with its values, in order. */
record MosquittoConf(Map<String, List<String>> settings) {

  /** Reads {@code relative}, such as {@code mosquitto/mosquitto.conf}, from the repository. */
  static MosquittoConf read(String relative) {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    Repository.read(relative)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .forEach(
            line -> {
              String[] parts = line.split("\\s+", 2);
              settings
                  .computeIfAbsent(parts[0], key -> new ArrayList<>())
                  .add(parts.length > 1 ? parts[1] : "");
            });
    return new MosquittoConf(settings);
  }

  /** The value of a setting given once; fails the test when it is missing or repeated. */
  String value(String setting) {
    List<String> values = settings.getOrDefault(setting, List.of());
    if (values.size() != 1) {
      throw new AssertionError(setting + " is set " + values.size() + " times: " + values);
    }
    return values.get(0);
  }
}
