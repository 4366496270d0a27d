package io.intuition.common.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The processes a test started, as a JUnit extension ({@code @RegisterExtension}): their output is
 * printed when the test fails, and each is killed after it.
 */
public final class StartedProcesses implements AfterEachCallback, TestWatcher {
  private final List<ManagedProcess> started = new ArrayList<>();

  /** Follows {@code process}; returns it. */
  public ManagedProcess add(ManagedProcess process) {
    started.add(process);
    return process;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    started.forEach(System.err::println);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    started.forEach(ManagedProcess::close);
  }
}
