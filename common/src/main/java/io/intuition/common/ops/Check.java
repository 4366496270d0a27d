package io.intuition.common.ops;

/**
 * One named part of a service's health, such as its broker link. Called from the HTTP server's
 * thread: it must be quick (a second at most) and safe to call from any thread.
 */
@FunctionalInterface
public interface Check {
  /** What the check finds now; a check that throws counts as down. */
  Status check();
}
