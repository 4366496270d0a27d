package io.intuition.common.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A password kept in a file, as {@code --password-file} names it: its first line. */
public final class PasswordFile {
  private PasswordFile() {}

  /** The first line of {@code file}, without its line break. */
  static String read(Path file) {
    return read("--password-file", file);
  }

  /**
   * The first line of {@code file}, without its line break.
   *
   * @param option the option that names the file, for messages
   * @throws IllegalArgumentException naming the option and the file, if it cannot be read or its
   *     first line is empty; the message never holds the file's content
   */
  public static String read(String option, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + option + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(
          "cannot read " + option + " " + file + ": permission denied");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + option + " " + file + ": " + e.getClass().getSimpleName());
    }
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new IllegalArgumentException(
          option + " " + file + " is empty: its first line must be the password");
    }
    return line;
  }
}
