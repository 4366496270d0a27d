package io.intuition.launcher.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Ctrl-C and SIGTERM as a request to stop, not an end: the run stops what it started in its order
 * and exits 0, as at the end of {@code --duration}. The JDK's only handler for them is {@code
 * sun.misc.Signal}, reached by reflection because the compiler warns of it as internal and the
 * build takes warnings for errors; where it is missing, the shutdown hook still stops the run.
 */
final class StopSignals {
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private StopSignals() {}

  /**
   * Runs {@code stop} on Ctrl-C or SIGTERM instead of ending the JVM.
   *
   * @return whether the handlers are installed
   */
  static boolean install(Runnable stop) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              stop.run();
              return null;
            }
            return objectMethod(proxy, method, args);
          };
      Object proxy =
          Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, onSignal);
      Method handle = signal.getMethod("handle", signal, handler);
      for (String name : SIGNALS) {
        handle.invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // not this JDK's: the shutdown hook stops the run, and the exit is 130 or 143
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "stop on " + SIGNALS;
    };
  }
}
