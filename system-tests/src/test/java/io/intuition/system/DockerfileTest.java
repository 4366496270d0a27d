package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.system.Dockerfile.Copy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each service's Dockerfile, the one docker-compose.yml builds, packages and runs its module. */
class DockerfileTest {
  private static final ComposeFile COMPOSE = ComposeFile.read("docker-compose.yml");

  @ParameterizedTest
  @EnumSource(ServiceCli.class)
  void entrypoint_runsTheJarTheModulePackages(ServiceCli cli) {
    Dockerfile dockerfile = dockerfile(cli);
    String jar = "/app/" + Repository.finalName(cli.module()) + ".jar";

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
    return Dockerfile.read(COMPOSE.service(cli.service()).build().orElseThrow().dockerfile());
  }

  private static List<String> sourcesCopiedFromTheContext(Dockerfile dockerfile) {
    return dockerfile.copies().stream()
        .filter(copy -> copy.from().isEmpty())
        .map(Copy::sources)
        .flatMap(List::stream)
        .toList();
  }
}
