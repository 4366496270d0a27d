package io.intuition.common.rpc;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named set of methods that an RPC server serves. Immutable once built. */
public final class RpcService {
  private final String name;
  private final Map<String, RpcMethod> methods;

  private RpcService(String name, Map<String, RpcMethod> methods) {
    this.name = name;
    this.methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
  }

  /** Starts a service called {@code name}, the answer to {@code _zerorpc_name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The service's name. */
  public String name() {
    return name;
  }

  /** The method called {@code method}, or {@code null}. */
  public RpcMethod method(String method) {
    return methods.get(method);
  }

  /** Every method, in the order they were added. */
  public Collection<RpcMethod> methods() {
    return methods.values();
  }

  /** Collects the methods of a service. */
  public static final class Builder {
    private final String name;
    private final Map<String, RpcMethod> methods = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name == null ? "" : name;
    }

    /**
     * Adds a method.
     *
     * @throws IllegalArgumentException if the name is taken or starts with {@code _zerorpc_}
     */
    public Builder method(String method, List<String> params, String doc, RpcMethod.Handler body) {
      if (method.startsWith("_zerorpc_")) {
        throw new IllegalArgumentException("method name is reserved, but was " + method);
      }
      if (methods.putIfAbsent(method, new RpcMethod(method, params, doc, body)) != null) {
        throw new IllegalArgumentException("method is already defined: " + method);
      }
      return this;
    }

    /** The service. */
    public RpcService build() {
      return new RpcService(name, methods);
    }
  }
}
