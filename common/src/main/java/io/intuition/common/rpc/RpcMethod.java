package io.intuition.common.rpc;

import java.util.List;
import java.util.Objects;

/**
 * A method a service offers over RPC.
 *
 * @param name the name callers use
 * @param params the names of its positional parameters; calls must pass exactly this many
 * @param doc what it does, for {@code _zerorpc_help} and {@code _zerorpc_inspect}
 * @param handler the code that runs it
 */
public record RpcMethod(String name, List<String> params, String doc, Handler handler) {

  /**
   * Runs a method with its decoded arguments and returns its result: any msgpack value, or a {@link
   * java.util.concurrent.CompletionStage} of one, replied when it completes (a failure becomes an
   * {@code ERR}, as a throw does).
   */
  @FunctionalInterface
  public interface Handler {
    /**
     * Runs the method.
     *
     * @throws Exception any failure; the caller receives it as an {@code ERR} reply
     */
    Object invoke(List<?> args) throws Exception;
  }

  /** Checks and copies the fields. */
  public RpcMethod {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("method name must not be blank, but was " + name);
    }
    params = List.copyOf(params);
    doc = doc == null ? "" : doc;
    Objects.requireNonNull(handler, "handler");
  }
}
