package io.intuition.common.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * One thread that owns ZeroMQ sockets, reads them when they have messages, and runs in order the
 * tasks and timers handed to it: the place where everything that touches those sockets happens, so
 * that none of it needs a lock or a hand-off to another thread.
 *
 * <p>{@link #execute} may be called from any thread; everything else only from the loop's own
 * thread (a task run by {@link #execute} is on it). A task that throws a {@link RuntimeException}
 * is logged and the loop goes on; an {@link Error} ends the thread, for the process's uncaught
 * exception handler to act on. Tasks posted from the loop itself run later in the same round, after
 * the sockets were read, so work triggered by many messages can be done once.
 */
public final class EventLoop implements Executor, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(2);

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> posted = new ConcurrentLinkedQueue<>();
  private final ArrayDeque<Runnable> local = new ArrayDeque<>();
  private final List<Registration> sockets = new ArrayList<>();
  private final List<Runnable> roundHooks = new ArrayList<>();
  private final Timers timers = new Timers();
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile boolean running = true;

  private EventLoop(String name) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for " + name, e);
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Starts a loop on a new thread called {@code name}. */
  public static EventLoop start(String name) {
    EventLoop loop = new EventLoop(name);
    loop.thread.start();
    return loop;
  }

  /** Runs {@code task} on the loop, after the tasks posted before it. Any thread. */
  @Override
  public void execute(Runnable task) {
    if (!running) {
      throw new RejectedExecutionException(thread.getName() + " is closed");
    }
    if (inLoop()) {
      local.add(task);
      return;
    }
    posted.add(task);
    if (sleeping.get()) {
      selector.wakeup();
    }
  }

  /**
   * Runs {@code action} on the loop and waits up to {@code limit} for its result: inline when
   * called on the loop, so that setting up and closing sockets takes one path from any thread.
   *
   * @throws RuntimeException what {@code action} threw
   * @throws IllegalStateException if the loop is closed, or did not run it in time
   */
  public <T> T call(Supplier<T> action, Duration limit) {
    if (inLoop()) {
      return action.get();
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    try {
      execute(
          () -> {
            try {
              done.complete(action.get());
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
      return done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (TimeoutException | RejectedExecutionException e) {
      throw new IllegalStateException(thread.getName() + " is not running");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + thread.getName());
    }
  }

  /** Whether the caller runs on the loop's thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /**
   * Calls {@code readable} whenever {@code socket} has a message to read; it should read until
   * {@code recv(DONTWAIT)} returns null, or a budget of its own, after which it is called again in
   * the next round. Loop thread only.
   */
  public Registration register(ZMQ.Socket socket, Runnable readable) {
    requireLoop();
    Registration registration = new Registration(this, socket, readable);
    try {
      socket.getFD().register(selector, java.nio.channels.SelectionKey.OP_READ);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch a socket", e);
    }
    sockets.add(registration);
    return registration;
  }

  /**
   * Runs {@code hook} once in every round of the loop, after the sockets were read and the tasks
   * run: for work that waits on a socket's state, such as messages waiting for room, which any
   * wake-up may have changed. It must be cheap when there is nothing to do. Loop thread only.
   */
  public void eachRound(Runnable hook) {
    requireLoop();
    roundHooks.add(hook);
  }

  /** Stops running a hook given to {@link #eachRound}. Loop thread only. */
  public void removeRoundHook(Runnable hook) {
    requireLoop();
    roundHooks.remove(hook);
  }

  /** Runs {@code task} every {@code period} until cancelled, first after one period. Loop only. */
  public LoopTimer every(Duration period, Runnable task) {
    requireLoop();
    return timers.add(period.toNanos(), task, System.nanoTime());
  }

  /**
   * Stops the loop after the tasks already posted, and waits for its thread to end. Sockets stay
   * open: their owners close them, from a task run before this.
   */
  @Override
  public void close() {
    if (!thread.isAlive()) {
      return;
    }
    if (inLoop()) {
      running = false;
      return;
    }
    try {
      execute(() -> running = false);
    } catch (RejectedExecutionException e) {
      // already closing
    }
    try {
      if (!exited.await(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} did not stop within {} ms", thread.getName(), CLOSE_LIMIT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (running) {
        runTasks();
        boolean busy = readSockets();
        runTasks();
        runHooks();
        long now = System.nanoTime();
        timers.runDue(now, EventLoop::runSafely);
        if (!busy && running) {
          sleep(now);
        }
      }
    } finally {
      running = false;
      runTasks();
      closeSelector();
      exited.countDown();
    }
  }

  private void runTasks() {
    for (Runnable task = next(); task != null; task = next()) {
      runSafely(task);
    }
  }

  private void runHooks() {
    for (int i = 0; i < roundHooks.size(); i++) {
      runSafely(roundHooks.get(i));
    }
  }

  private Runnable next() {
    Runnable task = local.poll();
    return task != null ? task : posted.poll();
  }

  private boolean readSockets() {
    boolean busy = false;
    for (int i = 0; i < sockets.size(); i++) {
      Registration registration = sockets.get(i);
      if (registration.isReadable()) {
        busy = true;
        runSafely(registration.readable);
      }
    }
    return busy;
  }

  private void sleep(long now) {
    sleeping.set(true);
    try {
      if (!local.isEmpty() || !posted.isEmpty() || anyReadable()) {
        selector.selectNow();
      } else {
        selector.select(timers.timeoutMillis(now));
      }
      selector.selectedKeys().clear();
    } catch (IOException e) {
      throw new UncheckedIOException("waiting for sockets failed", e);
    } catch (ClosedSelectorException e) {
      running = false;
    } finally {
      sleeping.set(false);
    }
  }

  private boolean anyReadable() {
    for (Registration registration : sockets) {
      if (registration.isReadable()) {
        return true;
      }
    }
    return false;
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("a task of the event loop failed", e);
    }
  }

  void requireLoop() {
    if (!inLoop()) {
      throw new IllegalStateException("only the thread of " + thread.getName() + " may do this");
    }
  }

  private void closeSelector() {
    try {
      selector.close();
    } catch (IOException e) {
      // closing: nothing is waiting on it any more
    }
  }

  /** Stops watching a socket: its registration was cancelled. Loop thread only. */
  void unregister(Registration registration) {
    requireLoop();
    sockets.remove(registration);
    java.nio.channels.SelectionKey key = registration.socket.getFD().keyFor(selector);
    if (key != null) {
      key.cancel();
    }
  }
}
