package io.intuition.system;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A mosquitto acl file of the repository: the grants of each user. Grants before the first {@code
 * user} line apply to anonymous clients and are listed under the user {@code ""}; {@code pattern}
 * lines under {@code "pattern"}.
 */
record Acl(Map<String, Set<Grant>> grants) {
  /** One {@code topic} line: {@code read}, {@code write}, {@code readwrite} or {@code deny}. */
  record Grant(String access, String topic) {
    @Override
    public String toString() {
      return access + " " + topic;
    }
  }

  static Acl read(String relative) {
    Map<String, Set<Grant>> grants = new LinkedHashMap<>();
    String user = "";
    for (String line : Repository.read(relative).lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      switch (words[0]) {
        case "user" -> {
          user = words[1];
          grants.computeIfAbsent(user, u -> new LinkedHashSet<>());
        }
        case "topic" ->
            grants.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(grant(words[1]));
        case "pattern" ->
            grants.computeIfAbsent("pattern", u -> new LinkedHashSet<>()).add(grant(words[1]));
        default -> throw new AssertionError(relative + ": not an acl line: " + line);
      }
    }
    return new Acl(grants);
  }

  /** {@code [access] topic}: mosquitto reads a topic line without an access as readwrite. */
  private static Grant grant(String words) {
    String[] parts = words.split("\\s+", 2);
    boolean access =
        parts.length == 2 && Set.of("read", "write", "readwrite", "deny").contains(parts[0]);
    return access ? new Grant(parts[0], parts[1]) : new Grant("readwrite", words);
  }
}
