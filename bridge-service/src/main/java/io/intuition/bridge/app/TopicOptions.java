package io.intuition.bridge.app;

import io.intuition.common.discovery.Topics;
import picocli.CommandLine.Option;

/** Where the bridge reads and writes on the broker: its subscriptions, orders and rejections. */
final class TopicOptions {
  @Option(
      names = "--orders-topic",
      defaultValue = "${env:BRIDGE_ORDERS_TOPIC:-orders}",
      description =
          "Topic the orders are published on (env BRIDGE_ORDERS_TOPIC, default ${DEFAULT-VALUE}).")
  String ordersTopic;

  @Option(
      names = "--rejected-suffix",
      defaultValue = "${env:BRIDGE_REJECTED_SUFFIX:-/rejected}",
      description =
          "A rejected message is published with its reason on its topic plus this suffix"
              + " (env BRIDGE_REJECTED_SUFFIX, default ${DEFAULT-VALUE}).")
  String rejectedSuffix;

  @Option(names = "--no-rejections", description = "Do not publish rejected messages.")
  boolean noRejections;

  @Option(
      names = "--shared-group",
      defaultValue = "${env:BRIDGE_SHARED_GROUP}",
      paramLabel = "NAME",
      description =
          "Subscribes to each channel of the algo as $share/NAME/<channel>: the broker hands"
              + " each message to one bridge of the group, so several bridges, each with its own"
              + " stateless algo, share one stream (env BRIDGE_SHARED_GROUP, default: no group)."
              + " Orders still go to --orders-topic.")
  String sharedGroup;

  /**
   * The shared group's name, or null without one.
   *
   * @throws IllegalArgumentException if the group's name cannot be a topic level
   */
  String sharedGroup() {
    if (sharedGroup != null) {
      Topics.requireLevel("--shared-group", sharedGroup);
    }
    return sharedGroup;
  }
}
