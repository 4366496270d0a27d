package io.intuition.common.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when an {@link Error} (such as {@link OutOfMemoryError}) escapes any of its
 * threads, or a thread dies of anything: a service with a dead thread may look alive while it
 * answers nothing, and a process that exits can be restarted by its supervisor.
 *
 * <p>{@link #install()} makes that the default for every thread; libraries that catch what their
 * callbacks throw (Paho does) are covered by running callbacks through {@link #guard}.
 */
public final class FatalErrors {
  /** The exit code after a fatal error: {@code EX_SOFTWARE} of {@code sysexits.h}. */
  public static final int EXIT_CODE = 70;

  private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);

  private FatalErrors() {}

  /**
   * Makes any throwable that ends a thread end the process with {@link #EXIT_CODE}. Call it first
   * in {@code main}, before libraries start threads or copy the default handler (JeroMQ does).
   */
  public static void install() {
    Thread.setDefaultUncaughtExceptionHandler(FatalErrors::die);
  }

  /**
   * Runs a callback on a library's thread: a {@link RuntimeException} is logged and the library
   * goes on, an {@link Error} ends the process.
   *
   * @param what what the callback does, for the log
   */
  public static void guard(Logger callerLog, String what, Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      callerLog.error("{} failed", what, e);
    } catch (Error e) {
      die(Thread.currentThread(), e);
    }
  }

  /** Logs the error and ends the process at once with {@link #EXIT_CODE}. */
  public static void die(Thread thread, Throwable error) {
    try {
      // a constant first: when memory has run out, building the log line may fail
      System.err.println("fatal error: the process exits");
      log.error("fatal: thread {} died: {}; exiting", thread.getName(), error, error);
    } catch (Throwable e) {
      // the process ends in the finally block whatever logging managed to do
    } finally {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }
}
