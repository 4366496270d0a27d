package io.intuition.feed.mqtt;

import io.intuition.common.mqtt.MqttUrl;
import java.util.Objects;

/**
 * How to reach and log in to the broker.
 *
 * @param url the broker
 * @param clientId the client id
 * @param username the user name, or null for none
 * @param password the password, or null for none
 */
public record MqttSettings(MqttUrl url, String clientId, String username, String password) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the client id is empty
   */
  public MqttSettings {
    Objects.requireNonNull(url, "url");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("client id must not be empty");
    }
  }

  @Override
  public String toString() {
    return "MqttSettings[url=" + url + ", clientId=" + clientId + ", username=" + username + "]";
  }
}
