package io.intuition.common.ops;

import java.util.Objects;

/**
 * What one health check found: up or down, and a short detail for the operator.
 *
 * @param up whether the check passed
 * @param detail what it saw, such as {@code "connected to mqtt://broker:1883"}; never null
 */
public record Status(boolean up, String detail) {
  /** Validates the detail. */
  public Status {
    Objects.requireNonNull(detail, "detail");
  }

  /** A passed check. */
  public static Status up(String detail) {
    return new Status(true, detail);
  }

  /** A failed check, {@code detail} saying why. */
  public static Status down(String detail) {
    return new Status(false, detail);
  }

  /** Up or down as {@code condition} says, with the detail of each case. */
  public static Status of(boolean condition, String upDetail, String downDetail) {
    return condition ? up(upDetail) : down(downDetail);
  }
}
