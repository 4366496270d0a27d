package io.intuition.common.rpc.server;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZAuth;
import org.zeromq.ZMsg;

/**
 * The ZAP check of a CURVE client: its public key must be among the allowed ones. Runs on the ZAP
 * handler's thread.
 */
final class AllowedKeys implements ZAuth.Auth {
  private static final Logger log = LoggerFactory.getLogger(AllowedKeys.class);

  /** Refuses every client: for the mechanisms a CURVE server does not take. */
  static final ZAuth.Auth NONE =
      new ZAuth.Auth() {
        @Override
        public boolean configure(ZMsg configuration, boolean verbose) {
          return true;
        }

        @Override
        public boolean authorize(ZAuth.ZapRequest request, boolean verbose) {
          return false;
        }
      };

  private final Set<String> keys;
  private final Refusals refusals;

  AllowedKeys(Set<String> keys, Refusals refusals) {
    this.keys = Set.copyOf(keys);
    this.refusals = refusals;
  }

  @Override
  public boolean configure(ZMsg configuration, boolean verbose) {
    return true;
  }

  @Override
  public boolean authorize(ZAuth.ZapRequest request, boolean verbose) {
    // nothing may escape: a ZAP handler that stops would leave the handshakes to chance
    try {
      if (keys.contains(request.clientKey)) {
        request.userId = request.clientKey;
        return true;
      }
      refusals.keyNotAllowed(request.address, request.clientKey);
    } catch (RuntimeException e) {
      log.error("refused a client whose ZAP request could not be checked", e);
    }
    return false;
  }
}
