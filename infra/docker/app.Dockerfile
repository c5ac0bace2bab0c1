# One image per app, built from the app's exec jar (run `mvn -B package -DskipTests` first):
#   docker build -f infra/docker/app.Dockerfile --build-arg MODULE=credit-service -t cityfin/credit-service:0.0.1-SNAPSHOT .
# The build context is the repository root; app.Dockerfile.dockerignore (beside this file) sends only the exec jars
# and the health check. Spring Boot's layers go in as separate image layers, so a code change rebuilds only the
# small application layer and the dependencies layer is reused.
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JRE_IMAGE} AS layers
ARG MODULE
ARG VERSION=0.0.1-SNAPSHOT
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${JRE_IMAGE}
ARG MODULE
# The gateway's bulletin PDF embeds a TrueType CJK font (gateway README, "Bulletin"): fonts-wqy-zenhei, at the path
# cityfin.gateway.bulletin.font names by default. The other apps need no font.
RUN if [ "${MODULE}" = "gateway" ]; then \
      apt-get update && apt-get install -y --no-install-recommends fonts-wqy-zenhei && rm -rf /var/lib/apt/lists/*; \
    fi
# a fixed numeric id, so Kubernetes' runAsNonRoot can check it
RUN groupadd --system --gid 10001 cityfin \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin cityfin
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# the JRE image may have no curl or wget (newer Temurin images dropped them): the check needs only bash
COPY infra/docker/healthcheck.sh /usr/local/bin/cityfin-healthcheck
USER 10001:10001
# Long-running flags (README.md, "JVM flags"): the JIT's full tiering, C2 included (never the launcher's
# -XX:TieredStopAtLevel=1, which buys a fast start with slower steady-state code); the heap sized from the container's
# memory limit; the collector left to the JVM's choice for the container (Serial below 2 CPUs or 1792 MB, so with
# infra/k8s's 768Mi limit; G1 above); an OutOfMemoryError ends the process so that it is restarted.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
