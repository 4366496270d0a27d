package io.intuition.bench.service;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether Python's zerorpc, which the original algo ran on, is installed here. */
public final class PythonZerorpc {
  private static final long CHECK_TIMEOUT_S = 20;

  private PythonZerorpc() {}

  /** Whether {@code python3 -c "import zerorpc"} succeeds. */
  public static boolean isImportable() throws InterruptedException {
    try {
      Process process =
          new ProcessBuilder("python3", "-c", "import zerorpc")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(CHECK_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false; // no python3 at all
    }
  }
}
