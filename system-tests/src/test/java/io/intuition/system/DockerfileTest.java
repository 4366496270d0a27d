package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.system.ComposeService.Build;
import io.intuition.system.Dockerfile.Copy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one Dockerfile, as docker-compose.yml builds it for each service with its {@code MODULE}: it
 * packages and runs that module.
 */
class DockerfileTest {
  private static final ComposeFile COMPOSE = ComposeFile.read("docker-compose.yml");

  @Test
  void firstLine_asksForTheBuildKitSyntaxItsCacheMountNeeds() {
    assertThat(Repository.read("Dockerfile").lines().findFirst())
        .hasValueSatisfying(line -> assertThat(line).startsWith("# syntax=docker/dockerfile:1"));
  }

  @Test
  void modules_haveNoDockerfileOfTheirOwn() {
    for (String module : Repository.modules()) {
      assertThat(Repository.path(module + "/Dockerfile")).as(module).doesNotExist();
    }
  }

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void buildStage_cachesTheMavenRepository(ServiceCli cli) {
    Dockerfile dockerfile = dockerfile(cli);

    assertThat(dockerfile.all("RUN"))
        .as("%s runs", dockerfile)
        .filteredOn(run -> run.arguments().contains("mvn "))
        .isNotEmpty()
        .allSatisfy(
            run -> assertThat(run.arguments()).startsWith("--mount=type=cache,target=/root/.m2 "));
  }

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void runtime_keepsTheServicesJvmFlags(ServiceCli cli) {
    Dockerfile dockerfile = dockerfile(cli);

    assertThat(dockerfile.env("JAVA_TOOL_OPTIONS"))
        .hasValue(
            "-XX:+UseSerialGC -XX:InitialRAMPercentage=17 -XX:MaxRAMPercentage=33 -Xss512k"
                + " -XX:+ExitOnOutOfMemoryError");
    assertThat(dockerfile.env("MALLOC_ARENA_MAX")).hasValue("2");
  }

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void entrypoint_runsTheJarTheModulePackages(ServiceCli cli) {
    Dockerfile dockerfile = dockerfile(cli);
    String jar = "/app/service.jar";

    assertThat(dockerfile.entrypoint()).containsExactly("java", "-jar", jar);
    String built = cli.module() + "/target/" + Repository.finalName(cli.module()) + ".jar";
    String buildStage = dockerfile.stageNames().get(0);
    assertThat(dockerfile.copies())
        .as("%s copies %s from stage %s to %s", dockerfile, built, buildStage, jar)
        .anySatisfy(
            copy -> {
              assertThat(copy.from()).hasValue(buildStage);
              assertThat(copy.sources()).singleElement().asString().endsWith("/" + built);
              assertThat(copy.destination()).isEqualTo(jar);
            });
  }

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void user_isNotRoot(ServiceCli cli) {
    Dockerfile dockerfile = dockerfile(cli);

    assertThat(dockerfile.user())
        .as("%s: USER of the final stage", dockerfile)
        .hasValueSatisfying(
            user -> assertThat(user.split(":")[0]).isNotIn("root", "0").isNotBlank());
  }

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void buildStage_copiesThePomOfEveryModuleTheParentLists(ServiceCli cli) {
    // Maven reads them all, even with -pl: one missing fails the build
    Dockerfile dockerfile = dockerfile(cli);
    List<String> copied = sourcesCopiedFromTheContext(dockerfile);

    assertThat(copied).as("%s copies", dockerfile).contains("pom.xml", cli.module() + "/pom.xml");
    for (String module : Repository.modules()) {
      assertThat(copied).as("%s copies", dockerfile).contains(module + "/pom.xml");
    }
  }

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void copiedSources_existInTheRepository(ServiceCli cli) {
    Dockerfile dockerfile = dockerfile(cli);

    for (String source : sourcesCopiedFromTheContext(dockerfile)) {
      assertThat(Repository.path(source)).as("%s copies", dockerfile).exists();
    }
  }

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void buildStage_packagesTheModule(ServiceCli cli) {
    Dockerfile dockerfile = dockerfile(cli);

    assertThat(dockerfile.all("RUN"))
        .as("%s runs", dockerfile)
        .anySatisfy(
            run -> {
              assertThat(run.stage()).isZero();
              assertThat(run.arguments())
                  .contains("mvn", "package", "-DskipTests")
                  .containsAnyOf("-pl " + cli.module() + " ", "-f " + cli.module() + "/pom.xml");
            });
  }

  private static Dockerfile dockerfile(ServiceCli cli) {
    Build build = COMPOSE.service(cli.service()).build().orElseThrow();
    return Dockerfile.read(build.dockerfile(), build.args());
  }

  private static List<String> sourcesCopiedFromTheContext(Dockerfile dockerfile) {
    return dockerfile.copies().stream()
        .filter(copy -> copy.from().isEmpty())
        .map(Copy::sources)
        .flatMap(List::stream)
        .toList();
  }
}
