package io.intuition.bench.step;

import io.intuition.launcher.process.ServiceProcess;

/** One hostile input to the algo-service: sent, then judged once the algo answered a ping. */
interface HostileCase extends AutoCloseable {

  /** What is sent, for the report. */
  String name();

  /** A short name for the algo's log file. */
  String id();

  /** Sends the input to the algo at {@code address}; returns once it is on its way. */
  void send(String address) throws InterruptedException;

  /** Whether the algo refused the input, judged after the ping; {@code algo} has its log. */
  Outcome outcome(ServiceProcess algo) throws InterruptedException;

  /** Closes what the case connected. */
  @Override
  void close();

  /**
   * What the algo did with the input.
   *
   * @param refused whether it refused it rather than answering it
   * @param detail how
   */
  record Outcome(boolean refused, String detail) {}
}
