package io.intuition.common.mqtt;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Tells the TLS failures that retrying cannot mend (a certificate one side does not accept, a
 * handshake the two sides cannot agree on) from a connection that broke during the handshake.
 */
final class TlsFailures {
  private TlsFailures() {}

  /** What went wrong, when {@code failure} is a TLS failure that retrying cannot mend. */
  static Optional<String> lasting(Throwable failure) {
    CertificateException certificate = find(failure, CertificateException.class);
    if (certificate != null) {
      boolean untrusted =
          find(certificate, CertPathBuilderException.class) != null
              || find(certificate, CertPathValidatorException.class) != null;
      return Optional.of(
          (untrusted
                  ? "the broker's certificate is not trusted: "
                  : "the broker's certificate is not for this host: ")
              + innermost(certificate).getMessage());
    }
    SSLHandshakeException handshake = find(failure, SSLHandshakeException.class);
    if (handshake == null || handshake.getCause() instanceof IOException) {
      return Optional.empty(); // the connection broke: the broker may be restarting
    }
    String message = String.valueOf(handshake.getMessage());
    if (message.startsWith("Received fatal alert")) {
      return Optional.of(
          "the broker ended the TLS handshake ("
              + message
              + "): it does not accept the client's certificate, or wants one");
    }
    return Optional.of("the TLS handshake failed: " + message);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
    return null;
  }

  private static Throwable innermost(Throwable failure) {
    Throwable e = failure;
    while (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null) {
      e = e.getCause();
    }
    return e;
  }
}
