package io.intuition.common.rpc.server;

import io.intuition.common.codec.Values;
import io.intuition.common.rpc.RpcFault;
import io.intuition.common.rpc.RpcMethod;
import io.intuition.common.rpc.RpcService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code _zerorpc_*} methods, answered with the shapes the Python server uses so the
 * {@code zerorpc} command line can list and describe a service. They answer at once, even while a
 * long call runs.
 */
final class Introspection {
  private final RpcService service;

  Introspection(RpcService service) {
    this.service = service;
  }

  /** Whether {@code method} is a built-in. */
  static boolean handles(String method) {
    return method.startsWith("_zerorpc_");
  }

  /**
   * Runs a built-in.
   *
   * @throws RpcFault with {@code NameError} for an unknown built-in or method argument, {@code
   *     TypeError} for a wrong argument count
   */
  Object invoke(String method, List<?> args) {
    return switch (method) {
      case "_zerorpc_ping" -> noArgs(method, args, Arrays.asList("pong", service.name()));
      case "_zerorpc_name" -> noArgs(method, args, service.name());
      case "_zerorpc_list" -> noArgs(method, args, names());
      case "_zerorpc_inspect" -> noArgs(method, args, inspect());
      case "_zerorpc_help" -> target(method, args).doc();
      case "_zerorpc_args" -> argSpec(target(method, args));
      default -> throw new RpcFault("NameError", method);
    };
  }

  private static Object noArgs(String method, List<?> args, Object result) {
    Dispatcher.checkArity(method, List.of(), args);
    return result;
  }

  private RpcMethod target(String method, List<?> args) {
    Dispatcher.checkArity(method, List.of("method"), args);
    String name = Values.text(args.get(0));
    RpcMethod target = name == null ? null : service.method(name);
    if (target == null) {
      throw new RpcFault("NameError", String.valueOf(name));
    }
    return target;
  }

  private List<String> names() {
    return service.methods().stream().map(RpcMethod::name).toList();
  }

  private Map<String, Object> inspect() {
    Map<String, Object> methods = new LinkedHashMap<>();
    for (RpcMethod method : service.methods()) {
      List<Map<String, Object>> args = new ArrayList<>();
      method.params().forEach(param -> args.add(Map.of("name", param)));
      methods.put(method.name(), Map.of("args", args, "doc", method.doc()));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", service.name());
    result.put("methods", methods);
    return result;
  }

  /** Python's {@code getargspec}: {@code [args, varargs, keywords, defaults]}. */
  private static List<Object> argSpec(RpcMethod method) {
    return Arrays.asList(method.params(), null, null, null);
  }
}
