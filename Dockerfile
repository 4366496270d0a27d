# syntax=docker/dockerfile:1
# The image of every service: MODULE names the module whose jar it runs. The build context is the
# repository root (docker-compose.yml sets context: . and args: MODULE: ...):
#   docker build --build-arg MODULE=bridge-service -t intuition-bridge .
# BuildKit (Docker 23+, or DOCKER_BUILDKIT=1) caches Maven's repository across builds.
ARG MODULE

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "set MODULE: --build-arg MODULE=algo-service" >&2; exit 1; }
WORKDIR /src
# Maven reads the pom of every module the parent lists, needed by this service or not.
COPY pom.xml ./
COPY common/pom.xml common/
COPY algo-service/pom.xml algo-service/
COPY bridge-service/pom.xml bridge-service/
COPY feed-service/pom.xml feed-service/
COPY indicator-service/pom.xml indicator-service/
COPY console/pom.xml console/
COPY broker/pom.xml broker/
COPY launcher/pom.xml launcher/
COPY system-tests/pom.xml system-tests/
COPY bench/pom.xml bench/
COPY common/src common/src
COPY ${MODULE}/src ${MODULE}/src
# The cache keeps the plugins and dependencies between builds, of this service and the others.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -q -B -DskipTests -DskipITs -Dspotless.check.skip=true -pl ${MODULE} -am package

FROM eclipse-temurin:17-jre
ARG MODULE
# A numeric user, so that a runtime can check it is not root. Only the algo writes a file (its
# book, with --state /data/book.state): a named volume mounted on /data starts with the folder's
# owner, so the service can write it. The others write none: their MQTT clients keep their state
# in memory, and the broker keeps the bridge's session.
RUN groupadd --gid 10001 intuition \
 && useradd --uid 10001 --gid intuition --no-create-home --shell /usr/sbin/nologin intuition \
 && mkdir /data && chown 10001:10001 /data
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/service.jar
USER 10001:10001
LABEL io.intuition.module=${MODULE}
# The heap is a share of the container's memory limit (docker-compose.yml sets one): up to a third
# of 192 MB, the 64 MB heap that scripts/run.sh gives them too, starting at 32 MB, which keeps
# collections young. The algo then peaks near 95 MB RSS under a burst of 50,000 quotes, the bridge
# stays near 125-130 MB under any load, the feed near 60 MB at 5 quotes a second. Without a limit
# the JVM sizes itself from the host's memory and takes far more. Serial GC and small stacks suit
# services with a few threads; an OutOfMemoryError ends the process so that the restart policy
# brings it back.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:InitialRAMPercentage=17 -XX:MaxRAMPercentage=33 -Xss512k -XX:+ExitOnOutOfMemoryError"
# glibc gives each busy thread a malloc arena of its own; two keep the resident set small
ENV MALLOC_ARENA_MAX=2
# the exec form expands no variables: the jar has one name in every image
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
