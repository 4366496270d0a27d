package io.intuition.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile of the repository, read instruction by instruction, stage by stage. */
final class Dockerfile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENV_PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");
  private static final Set<String> LITERAL = Set.of("ENTRYPOINT", "CMD");
  // $NAME and ${NAME}, as the instructions that take variables expand them
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

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

  /**
   * Reads {@code relative}, such as {@code Dockerfile}, from the repository, without build args.
   */
  static Dockerfile read(String relative) {
    return read(relative, Map.of());
  }

  /**
   * Reads {@code relative} as {@code docker build --build-arg} would with {@code buildArgs}: each
   * {@code ARG} declared, by its default or the build arg, expanded in the arguments of the
   * instructions of its stage after it; not in ENTRYPOINT and CMD, which Docker does not expand.
   */
  static Dockerfile read(String relative, Map<String, String> buildArgs) {
    Map<String, String> global = new HashMap<>(); // the ARGs before the first FROM
    Map<String, String> values = global; // those the current stage declared
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
      String written = parts.length > 1 ? parts[1] : "";
      String arguments = LITERAL.contains(keyword) ? written : expand(written, values);
      if (keyword.equals("FROM")) {
        stage++;
        values = new HashMap<>();
      }
      if (keyword.equals("ARG")) {
        String[] declared = arguments.split("=", 2);
        String fallback = declared.length > 1 ? declared[1] : global.getOrDefault(declared[0], "");
        values.put(declared[0], buildArgs.getOrDefault(declared[0], fallback));
      }
      instructions.add(new Instruction(keyword, arguments, stage));
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

  /** {@code arguments} with each variable of {@code values} replaced by its value. */
  private static String expand(String arguments, Map<String, String> values) {
    Matcher variable = VARIABLE.matcher(arguments);
    StringBuilder expanded = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
      String value = values.getOrDefault(name, variable.group());
      variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
    }
    return variable.appendTail(expanded).toString();
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
