package io.intuition.common.testing;

import java.util.ArrayList;
import java.util.List;

/** What a test opened, closed in the reverse order when the test ends. */
public final class Closer {
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Remembers {@code closeable}, to close it with the rest; returns it. */
  public <T extends AutoCloseable> T keep(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  /** Closes everything kept, the last first. */
  public void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }
}
