package io.intuition.bench.report;

/**
 * One hostile input sent to a fresh algo-service, then a fresh client's {@code _zerorpc_ping}.
 *
 * @param name what was sent
 * @param refused whether the algo refused it (rather than answering it)
 * @param detail how it was refused or answered
 * @param alive whether the algo-service was still running afterwards
 * @param pingMillis from sending it until the ping was answered, or null if it never was
 * @param peakRssMb the algo-service's peak resident set, MiB
 */
public record HostileRun(
    String name, boolean refused, String detail, boolean alive, Long pingMillis, double peakRssMb) {

  /** Whether the algo came through: refused it, stayed alive and answered the next call. */
  public boolean withstood() {
    return refused && alive && pingMillis != null;
  }
}
