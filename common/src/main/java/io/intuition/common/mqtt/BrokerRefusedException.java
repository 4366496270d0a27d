package io.intuition.common.mqtt;

import io.intuition.common.log.Excerpt;
import java.util.Optional;

/**
 * The broker answered but will not take this client, so trying again cannot help: bad credentials,
 * no authorization, a rejected client id or protocol version, or TLS that fails for a certificate
 * one side does not accept (not trusted, for another host, or a client certificate the broker
 * refuses). The message names the broker and the reason, with the broker's reason code when it gave
 * one; it never holds the password.
 */
public final class BrokerRefusedException extends Exception {
  /** The exit code of a service that the broker refused: retrying cannot help. */
  public static final int EXIT_CODE = 4;

  private static final long serialVersionUID = 1L;

  /** The refusal, described. */
  public BrokerRefusedException(String message) {
    super(message);
  }

  /**
   * Throws the refusal, if {@code e} is one or a TLS failure that trying again cannot mend; returns
   * for a broker that is just unreachable.
   */
  static void throwIfLasting(MqttSettings settings, TransportException e)
      throws BrokerRefusedException {
    if (e.kind() != TransportException.Kind.OTHER) {
      throw of(settings, e);
    }
    if (settings.url().tls()) {
      Optional<String> tls = TlsProbe.refusal(settings);
      if (tls.isPresent()) {
        throw of(settings, new TransportException(TransportException.Kind.TLS, 0, tls.get(), e));
      }
    }
  }

  /** The refusal {@code e} of the connection {@code settings} describe, as the message says it. */
  static BrokerRefusedException of(MqttSettings settings, TransportException e) {
    if (e.kind() == TransportException.Kind.TLS) {
      return new BrokerRefusedException(
          "TLS to broker " + settings.url() + " failed: " + e.getMessage());
    }
    String login =
        settings.username() != null
            ? "user \"" + Excerpt.of(settings.username()) + "\""
            : "no user name given";
    String reason = e.getMessage().replaceAll("\\.$", ""); // Paho ends some with a full stop
    return new BrokerRefusedException(
        "broker "
            + settings.url()
            + " refused the connection: "
            + reason
            + " (reason code "
            + e.reasonCode()
            + ", "
            + login
            + ")");
  }
}
