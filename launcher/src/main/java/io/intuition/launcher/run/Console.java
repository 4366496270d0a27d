package io.intuition.launcher.run;

import java.io.PrintWriter;

/** Where a run says what it does: one line each, after the program's name. */
public final class Console {
  private final String program;
  private final PrintWriter out;

  /** A console printing {@code program: message} lines to {@code out}. */
  public Console(String program, PrintWriter out) {
    this.program = program;
    this.out = out;
  }

  /** Prints {@code program: message}. */
  public void say(String message) {
    line(program + ": " + message);
  }

  /** Prints {@code line} as it is, as the orders and the book are shown. */
  public synchronized void line(String line) {
    out.println(line);
    out.flush();
  }
}
