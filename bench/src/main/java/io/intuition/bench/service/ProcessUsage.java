package io.intuition.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a process has used so far, read from Linux's {@code /proc}: its peak resident set ({@code
 * VmHWM}) and CPU time (user + system).
 *
 * @param peakRssBytes the highest resident set size since the process started
 * @param userSeconds CPU time in the process's own code since it started
 * @param systemSeconds CPU time in the kernel on its behalf since it started
 */
public record ProcessUsage(long peakRssBytes, double userSeconds, double systemSeconds) {
  /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux build we run on. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** Whether this system has {@code /proc} to read usage from. */
  public static boolean isAvailable() {
    return Files.isReadable(Path.of("/proc/self/status"));
  }

  /**
   * Reads the usage of process {@code pid}.
   *
   * @throws IOException if the process is gone or {@code /proc} is unreadable
   */
  public static ProcessUsage of(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // the command name may hold spaces and parentheses: the fields start after the last ')'
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long userTicks = Long.parseLong(fields[11]);
    long systemTicks = Long.parseLong(fields[12]);
    return new ProcessUsage(
        peakRss(pid), userTicks / TICKS_PER_SECOND, systemTicks / TICKS_PER_SECOND);
  }

  private static long peakRss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
        return Long.parseLong(kilobytes) * 1024;
      }
    }
    throw new IOException("no VmHWM in /proc/" + pid + "/status");
  }

  /** The CPU time used since {@code before}, with this peak. */
  public ProcessUsage since(ProcessUsage before) {
    return new ProcessUsage(
        peakRssBytes, userSeconds - before.userSeconds, systemSeconds - before.systemSeconds);
  }
}
