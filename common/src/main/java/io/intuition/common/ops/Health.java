package io.intuition.common.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A service's health as a set of named checks, as grpc's {@code HealthStatusManager} keeps one
 * status per service: the service is up only when every check is. Checks are added while the
 * service starts, and run, in the order added, each time {@link #check()} is called.
 */
public final class Health {
  private final Map<String, Check> checks = new LinkedHashMap<>();

  /**
   * Adds the check {@code name}; returns this health.
   *
   * @throws IllegalArgumentException if a check of that name is there already
   */
  public synchronized Health add(String name, Check check) {
    if (checks.putIfAbsent(name, check) != null) {
      throw new IllegalArgumentException("health check " + name + " is there already");
    }
    return this;
  }

  /**
   * Adds the check {@code broker}: up while {@code connected} says the MQTT link to {@code url} is.
   *
   * @throws IllegalArgumentException if a check of that name is there already
   */
  public Health addBroker(Object url, BooleanSupplier connected) {
    String name = String.valueOf(url);
    return add(
        "broker",
        () ->
            Status.of(
                connected.getAsBoolean(), "connected to " + name, "not connected to " + name));
  }

  /** Runs every check, in the order added; a check that throws is down with its message. */
  public Report check() {
    Map<String, Check> now;
    synchronized (this) {
      now = new LinkedHashMap<>(checks);
    }
    Map<String, Status> found = new LinkedHashMap<>();
    now.forEach((name, check) -> found.put(name, run(check)));
    return new Report(found);
  }

  private static Status run(Check check) {
    try {
      Status status = check.check();
      return status != null ? status : Status.down("no answer");
    } catch (RuntimeException e) {
      return Status.down("failed: " + e.getMessage());
    }
  }

  /**
   * What the checks found, by name, in the order added.
   *
   * @param checks each check's status
   */
  public record Report(Map<String, Status> checks) {
    /** Copies the map, keeping its order. */
    public Report {
      checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** Whether every check is up (a health of no checks is up). */
    public boolean isUp() {
      return checks.values().stream().allMatch(Status::up);
    }
  }
}
