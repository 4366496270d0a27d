package io.intuition.common.rpc.server;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.rpc.RpcFault;
import io.intuition.common.rpc.RpcMethod;
import io.intuition.common.rpc.RpcService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request into its reply: runs the method, or the built-in, and makes every failure an
 * {@code ERR} event. Never throws, so no request can stop the server.
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final int MAX_DETAIL_CHARS = 4_000;

  private final RpcService service;
  private final Introspection introspection;
  private final MessageIds ids;

  Dispatcher(RpcService service, MessageIds ids) {
    this.service = service;
    this.introspection = new Introspection(service);
    this.ids = ids;
  }

  /** Whether the request is a built-in, cheap enough to answer on the I/O thread. */
  static boolean isBuiltIn(Event request) {
    return Introspection.handles(request.name());
  }

  /**
   * Runs a request and hands its reply to {@code send}: at once, or, when the method returns a
   * {@link CompletionStage}, once that completes, on the thread that completes it.
   */
  void reply(Event request, Consumer<Event> send) {
    Object result;
    try {
      result = invoke(request.name(), request.argList());
    } catch (Exception | StackOverflowError e) {
      send.accept(failure(request, e));
      return;
    }
    if (result instanceof CompletionStage<?> later) {
      later.whenComplete(
          (value, e) ->
              send.accept(e == null ? success(request, value) : failure(request, unwrapped(e))));
    } else {
      send.accept(success(request, result));
    }
  }

  private Event success(Event request, Object result) {
    return Event.ok(ids.next(), request.id(), result);
  }

  private Event failure(Event request, Throwable e) {
    MessageId id = ids.next();
    if (e instanceof RpcFault fault) {
      return Event.err(id, request.id(), fault.errorName(), fault.getMessage(), "");
    }
    log.debug("{} failed", request.name(), e);
    return Event.err(id, request.id(), errorName(e), String.valueOf(e.getMessage()), trace(e));
  }

  private static Throwable unwrapped(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /**
   * Checks a call's argument count.
   *
   * @throws RpcFault with {@code TypeError} when it differs from the method's
   */
  static void checkArity(String method, List<String> params, List<?> args) {
    if (args.size() != params.size()) {
      throw new RpcFault(
          "TypeError",
          method
              + "() takes "
              + params.size()
              + " positional argument"
              + (params.size() == 1 ? "" : "s")
              + " "
              + params
              + " but "
              + args.size()
              + (args.size() == 1 ? " was" : " were")
              + " given");
    }
  }

  private Object invoke(String name, List<?> args) throws Exception {
    if (Introspection.handles(name)) {
      return introspection.invoke(name, args);
    }
    RpcMethod method = service.method(name);
    if (method == null) {
      throw new RpcFault("NameError", name);
    }
    checkArity(name, method.params(), args);
    return method.handler().invoke(args);
  }

  private static String errorName(Throwable e) {
    return e instanceof IllegalArgumentException ? "ValueError" : e.getClass().getSimpleName();
  }

  private static String trace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    String trace = out.toString();
    return trace.length() <= MAX_DETAIL_CHARS ? trace : trace.substring(0, MAX_DETAIL_CHARS);
  }
}
