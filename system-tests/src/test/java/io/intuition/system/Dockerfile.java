package io.intuition.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile of the repository, read instruction by instruction, stage by stage. */
final class Dockerfile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENV_PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

  /** One instruction: its keyword in capitals, its arguments, and the stage it belongs to. */
  record Instruction(String keyword, String arguments, int stage) {}

  /** A COPY: its flags (such as {@code --from=build}), its sources and its destination. */
  record Copy(List<String> flags, List<String> sources, String destination) {
    Optional<String> from() {
      return flags.stream()
          .filter(f -> f.startsWith("--from="))
          .map(f -> f.substring(7))
          .findFirst();
    }
  }

  private final String path;
  private final List<Instruction> instructions;

  private Dockerfile(String path, List<Instruction> instructions) {
    this.path = path;
    this.instructions = instructions;
  }

  /** Reads {@code relative}, such as {@code algo-service/Dockerfile}, from the repository. */
  static Dockerfile read(String relative) {
    List<Instruction> instructions = new ArrayList<>();
    int stage = -1;
    StringBuilder pending = new StringBuilder();
    for (String line : Repository.read(relative).split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.isEmpty() && pending.isEmpty()) {
        continue; // comments end no instruction: a continued line goes on after them
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      String[] parts = pending.append(trimmed).toString().strip().split("\\s+", 2);
      pending.setLength(0);
      String keyword = parts[0].toUpperCase();
      if (keyword.equals("FROM")) {
        stage++;
      }
      instructions.add(new Instruction(keyword, parts.length > 1 ? parts[1] : "", stage));
    }
    return new Dockerfile(relative, List.copyOf(instructions));
  }

  /** The instructions with {@code keyword} in every stage. */
  List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The instructions with {@code keyword} in the last stage, the image that runs. */
  List<Instruction> inFinalStage(String keyword) {
    int last = instructions.get(instructions.size() - 1).stage();
    return all(keyword).stream().filter(i -> i.stage() == last).toList();
  }

  /** The name each stage gives itself with {@code FROM image AS name}, by stage. */
  List<String> stageNames() {
    return all("FROM").stream()
        .map(i -> i.arguments().split("\\s+"))
        .map(words -> words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "")
        .toList();
  }

  /** The final stage's ENTRYPOINT in exec form; fails the test for the shell form or none. */
  List<String> entrypoint() {
    String arguments = last(inFinalStage("ENTRYPOINT"), "ENTRYPOINT").arguments();
    try {
      return Arrays.asList(JSON.readValue(arguments, String[].class));
    } catch (JsonProcessingException e) {
      throw new AssertionError(path + ": ENTRYPOINT is not in exec form: " + arguments, e);
    }
  }

  /** The user the final stage runs as. */
  Optional<String> user() {
    List<Instruction> users = inFinalStage("USER");
    return users.isEmpty()
        ? Optional.empty()
        : Optional.of(users.get(users.size() - 1).arguments());
  }

  /** The value the final stage's ENV gives {@code variable}, without quotes. */
  Optional<String> env(String variable) {
    Optional<String> value = Optional.empty();
    for (Instruction env : inFinalStage("ENV")) {
      Matcher pair = ENV_PAIR.matcher(env.arguments());
      while (pair.find()) {
        if (pair.group(1).equals(variable)) {
          value = Optional.of(pair.group(2).replaceAll("^\"|\"$", ""));
        }
      }
    }
    return value;
  }

  /** Every COPY, in every stage. */
  List<Copy> copies() {
    return all("COPY").stream().map(i -> copy(i.arguments())).toList();
  }

  @Override
  public String toString() {
    return path;
  }

  private static Copy copy(String arguments) {
    List<String> words = List.of(arguments.split("\\s+"));
    List<String> flags = words.stream().takeWhile(w -> w.startsWith("--")).toList();
    List<String> paths = words.subList(flags.size(), words.size());
    return new Copy(flags, paths.subList(0, paths.size() - 1), paths.get(paths.size() - 1));
  }

  private Instruction last(List<Instruction> instructions, String keyword) {
    if (instructions.isEmpty()) {
      throw new AssertionError(path + " has no " + keyword + " in its final stage");
    }
    return instructions.get(instructions.size() - 1);
  }
}
