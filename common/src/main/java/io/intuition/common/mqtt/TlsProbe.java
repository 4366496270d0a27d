package io.intuition.common.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Asks the broker, without a word of MQTT, whether it takes this client's TLS. Over TLS 1.3 a
 * broker refuses a client certificate, or the lack of one, only after the handshake: a client that
 * has sent its CONNECT by then mostly finds the connection reset ("Broken pipe") instead of reading
 * the broker's alert, and would retry for ever. The probe sends nothing after the handshake, so an
 * alert, if the broker sends one, is what it reads.
 */
final class TlsProbe {
  /** How long the broker has to refuse the handshake: it decides at once. */
  private static final int WAIT_MS = 1_000;

  private TlsProbe() {}

  /**
   * Why the broker of {@code settings} refuses this client's TLS, when it does; empty when it takes
   * it, or cannot be reached.
   */
  static Optional<String> refusal(MqttSettings settings) {
    MqttUrl url = settings.url();
    try (SSLSocket socket = (SSLSocket) settings.tls().socketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(url.host(), url.port()), WAIT_MS);
      if (settings.tls().verifyHostname()) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
      }
      socket.setSoTimeout(WAIT_MS);
      socket.startHandshake();
      socket.getInputStream().read(); // a broker sends nothing before CONNECT but an alert
      return Optional.empty();
    } catch (SocketTimeoutException e) {
      return Optional.empty(); // it took the handshake and waits for CONNECT
    } catch (IOException e) {
      return TlsFailures.lasting(e);
    }
  }
}
