package io.intuition.launcher.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Follows files from their start, as {@code tail -n +1 -F}, handing each complete line that passes
 * a filter to a sink, on a daemon thread of its own.
 */
final class LogTail implements AutoCloseable {
  private static final long POLL_MS = 200;

  private final List<Path> files;
  private final Predicate<String> filter;
  private final Consumer<String> sink;
  private final Thread thread;
  private volatile boolean open = true;

  private LogTail(List<Path> files, Predicate<String> filter, Consumer<String> sink, String name) {
    this.files = List.copyOf(files);
    this.filter = filter;
    this.sink = sink;
    this.thread = new Thread(this::follow, name);
    thread.setDaemon(true);
  }

  /** Starts following {@code files}. */
  static LogTail start(
      String name, List<Path> files, Predicate<String> filter, Consumer<String> sink) {
    LogTail tail = new LogTail(files, filter, sink, name);
    tail.thread.start();
    return tail;
  }

  private void follow() {
    long[] offsets = new long[files.size()];
    StringBuilder[] partial = new StringBuilder[files.size()];
    for (int i = 0; i < partial.length; i++) {
      partial[i] = new StringBuilder();
    }
    try {
      do {
        for (int i = 0; i < offsets.length; i++) {
          offsets[i] = read(files.get(i), offsets[i], partial[i]);
        }
        TimeUnit.MILLISECONDS.sleep(POLL_MS); // a file has nothing to wait on but time
      } while (open);
      for (int i = 0; i < offsets.length; i++) {
        read(files.get(i), offsets[i], partial[i]); // what was written before the close
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long read(Path file, long offset, StringBuilder partial) {
    if (!Files.isRegularFile(file)) {
      return offset;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (in.length() < offset) {
        offset = 0; // truncated: start again, as tail -F does
      }
      byte[] bytes = new byte[(int) Math.min(in.length() - offset, 1 << 20)];
      in.seek(offset);
      in.readFully(bytes);
      partial.append(new String(bytes, StandardCharsets.UTF_8));
      int end;
      while ((end = partial.indexOf("\n")) >= 0) {
        String line = partial.substring(0, end);
        partial.delete(0, end + 1);
        if (filter.test(line)) {
          sink.accept(line);
        }
      }
      return offset + bytes.length;
    } catch (IOException e) {
      return offset; // gone or unreadable for now: tried again on the next poll
    }
  }

  /** Stops following, once what the files hold now is handed on. */
  @Override
  public void close() {
    open = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
