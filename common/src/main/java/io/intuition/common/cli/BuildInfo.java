package io.intuition.common.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * A service's name, version and description, written into its jar by the build, for {@code
 * --version} and start-up logs.
 *
 * @param name the service's artifact name
 * @param version the project version
 * @param description one line on what the service does
 */
public record BuildInfo(String name, String version, String description) {

  /**
   * Reads the properties file {@code resource} ({@code name}, {@code version}, {@code description})
   * from the class path; missing values read as {@code unknown}.
   */
  public static BuildInfo load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // an unreadable build file leaves the values unknown; it never stops a service
    }
    return new BuildInfo(
        properties.getProperty("name", "unknown"),
        properties.getProperty("version", "unknown"),
        properties.getProperty("description", ""));
  }

  /** The lines picocli prints for {@code --version}. */
  public String[] versionLines() {
    return new String[] {name + " " + version, description};
  }
}
