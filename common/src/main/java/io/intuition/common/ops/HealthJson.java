package io.intuition.common.ops;

import java.util.Map;

/**
 * A health report as JSON: {@code {"status":"UP"|"DOWN","down":[names],"checks":{name:{"status",
 * "detail"}}}}.
 */
final class HealthJson {
  private HealthJson() {}

  static String of(Health.Report report) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"status\":").append(status(report.isUp())).append(",\"down\":[");
    String comma = "";
    for (Map.Entry<String, Status> check : report.checks().entrySet()) {
      if (!check.getValue().up()) {
        json.append(comma);
        string(json, check.getKey());
        comma = ",";
      }
    }
    json.append("],\"checks\":{");
    comma = "";
    for (Map.Entry<String, Status> check : report.checks().entrySet()) {
      json.append(comma);
      string(json, check.getKey());
      json.append(":{\"status\":").append(status(check.getValue().up())).append(",\"detail\":");
      string(json, check.getValue().detail());
      json.append('}');
      comma = ",";
    }
    return json.append("}}\n").toString();
  }

  private static String status(boolean up) {
    return up ? "\"UP\"" : "\"DOWN\"";
  }

  private static void string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }
}
