package io.intuition.common.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.LoggerFactory;

/**
 * Records what escapes while a test runs: throwables that end a thread (what {@code FatalErrors}
 * would end the process for), errors logged, such as a task the event loop caught, and what the
 * tasks of a {@link #recording} executor throw. Quiets the warnings of {@code quieted} meanwhile,
 * as a fuzzer makes thousands of them.
 */
public final class Escapes extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> escaped = new CopyOnWriteArrayList<>();
  private final Thread.UncaughtExceptionHandler previous =
      Thread.getDefaultUncaughtExceptionHandler();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger quieted;
  private final Level quietedLevel;

  /** Starts recording; call before the code under test starts its threads. */
  public Escapes(String quieted) {
    this.quieted = (Logger) LoggerFactory.getLogger(quieted);
    this.quietedLevel = this.quieted.getLevel();
    this.quieted.setLevel(Level.ERROR);
    Thread.setDefaultUncaughtExceptionHandler(this::died);
    setContext(root.getLoggerContext());
    start();
    root.addAppender(this);
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      IThrowableProxy thrown = event.getThrowableProxy();
      String cause =
          thrown == null ? "" : " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")";
      escaped.add(event.getThreadName() + " logged: " + event.getFormattedMessage() + cause);
    }
  }

  /**
   * {@code executor}, recording what its tasks throw: for an executor that would swallow it, as a
   * {@link java.util.concurrent.ScheduledExecutorService} keeps it in a future nobody reads.
   */
  public Executor recording(Executor executor) {
    return task ->
        executor.execute(
            () -> {
              try {
                task.run();
              } catch (RuntimeException | Error e) {
                escaped.add("a task on " + Thread.currentThread().getName() + " threw " + e);
                throw e;
              }
            });
  }

  private void died(Thread thread, Throwable e) {
    escaped.add("thread " + thread.getName() + " died of " + e);
  }

  /** What escaped so far. */
  public List<String> all() {
    return List.copyOf(escaped);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
    quieted.setLevel(quietedLevel);
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }
}
