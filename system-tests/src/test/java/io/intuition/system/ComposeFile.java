package io.intuition.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A compose file of the repository, read as plain YAML: its services and its named volumes. */
final class ComposeFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String name;
  private final JsonNode root;

  private ComposeFile(String name, JsonNode root) {
    this.name = name;
    this.root = root;
  }

  /** Reads {@code relative}, such as {@code docker-compose.yml}, from the repository. */
  static ComposeFile read(String relative) {
    try {
      return new ComposeFile(relative, YAML.readTree(Repository.path(relative).toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  /** The services by name, in the file's order. */
  Map<String, ComposeService> services() {
    Map<String, ComposeService> services = new LinkedHashMap<>();
    root.path("services")
        .forEachEntry((name, node) -> services.put(name, new ComposeService(name, node)));
    return services;
  }

  /** The service {@code name}; fails the test when there is none. */
  ComposeService service(String service) {
    ComposeService found = services().get(service);
    if (found == null) {
      throw new AssertionError(name + " has no service " + service);
    }
    return found;
  }

  /** The services that compose builds from a Dockerfile of the repository. */
  Map<String, ComposeService> builtServices() {
    Map<String, ComposeService> built = new LinkedHashMap<>(services());
    built.values().removeIf(service -> service.build().isEmpty());
    return built;
  }

  /** The named volumes the file declares at the top level. */
  Set<String> volumes() {
    Set<String> volumes = new LinkedHashSet<>();
    root.path("volumes").forEachEntry((name, node) -> volumes.add(name));
    return volumes;
  }

  @Override
  public String toString() {
    return name;
  }
}
