package io.intuition.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One service of a compose file, with its short and long syntaxes read alike. */
record ComposeService(String name, JsonNode node) {
  // ${NAME:-default} and ${NAME-default}, ${NAME:?message} and ${NAME?message}, ${NAME}
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*)|(:?\\?)[^}]*)?}");

  /** How compose builds the service's image: context, Dockerfile and build args. */
  record Build(String context, String dockerfile, Map<String, String> args) {
    Build {
      args = Map.copyOf(args);
    }
  }

  /** A volume or bind mount: {@code source} is a path for a bind mount, else a volume's name. */
  record Mount(String type, String source, String target, boolean readOnly) {
    boolean isBind() {
      return type.equals("bind");
    }
  }

  Optional<Build> build() {
    JsonNode build = node.get("build");
    if (build == null) {
      return Optional.empty();
    }
    if (build.isTextual()) {
      return Optional.of(new Build(build.asText(), "Dockerfile", Map.of()));
    }
    Map<String, String> args = new LinkedHashMap<>();
    build.path("args").forEachEntry((name, value) -> args.put(name, value.asText()));
    return Optional.of(
        new Build(
            build.path("context").asText("."),
            build.path("dockerfile").asText("Dockerfile"),
            args));
  }

  /**
   * The environment as written: a variable listed without a value (passed on from the shell when
   * set there) maps to null.
   */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode node = this.node.path("environment");
    if (node.isArray()) {
      node.forEach(
          entry -> {
            String[] pair = entry.asText().split("=", 2);
            environment.put(pair[0], pair.length == 2 ? pair[1] : null);
          });
    } else {
      node.forEachEntry(
          (name, value) -> environment.put(name, value.isNull() ? null : value.asText()));
    }
    return environment;
  }

  /**
   * The value of {@code variable} in the container when the shell running compose sets nothing:
   * {@code ${NAME:-default}} becomes the default, {@code ${NAME:?message}} (which compose requires
   * from the shell) a placeholder {@code <NAME>}, {@code $$} a dollar.
   */
  Optional<String> resolvedEnvironment(String variable) {
    String value = environment().get(variable);
    if (value == null) {
      return Optional.empty();
    }
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String replacement =
          matcher.group(2) != null
              ? matcher.group(3)
              : matcher.group(4) != null ? "<" + matcher.group(1) + ">" : "";
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(resolved);
    return Optional.of(resolved.toString().replace("$$", "$"));
  }

  List<String> ports() {
    return texts(node.path("ports"));
  }

  List<String> expose() {
    return texts(node.path("expose"));
  }

  List<Mount> volumes() {
    List<Mount> mounts = new ArrayList<>();
    for (JsonNode volume : node.path("volumes")) {
      if (volume.isTextual()) {
        String[] parts = volume.asText().split(":");
        boolean path = parts[0].startsWith(".") || parts[0].startsWith("/");
        boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
        mounts.add(new Mount(path ? "bind" : "volume", parts[0], parts[1], readOnly));
      } else {
        mounts.add(
            new Mount(
                volume.path("type").asText(),
                volume.path("source").asText(),
                volume.path("target").asText(),
                volume.path("read_only").asBoolean(false)));
      }
    }
    return mounts;
  }

  /** The mount at {@code target} in the container; fails the test when there is none. */
  Mount mountAt(String target) {
    return volumes().stream()
        .filter(mount -> mount.target().equals(target))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " mounts nothing at " + target));
  }

  /** The services this one depends on, with their conditions ({@code service_started} if none). */
  Map<String, String> dependsOn() {
    Map<String, String> dependencies = new LinkedHashMap<>();
    JsonNode node = this.node.path("depends_on");
    if (node.isArray()) {
      node.forEach(service -> dependencies.put(service.asText(), "service_started"));
    } else {
      node.forEachEntry(
          (service, value) ->
              dependencies.put(service, value.path("condition").asText("service_started")));
    }
    return dependencies;
  }

  /** The health check's command in exec form: {@code CMD-SHELL} for the string form. */
  List<String> healthcheck() {
    JsonNode test = node.path("healthcheck").path("test");
    return test.isTextual() ? List.of("CMD-SHELL", test.asText()) : texts(test);
  }

  /** A scalar field such as {@code restart}, if set. */
  Optional<String> text(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
