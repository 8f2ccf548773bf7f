# Builds the runnable jar (and the sandboxes' jar) and runs it; used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/scoro-xero-sync.jar /app/scoro-xero-sync.jar
COPY --from=build /src/sandbox/target/sandbox-exec.jar /app/sandbox-exec.jar
EXPOSE 18080 18081 18082
# Each container is an instance of its own (transactional ids, static group membership): its hostname names it,
# unless SXS_INSTANCE_ID does.
ENTRYPOINT ["sh", "-c", "exec java -Dsxs.instance-id=${SXS_INSTANCE_ID:-$HOSTNAME} -jar /app/scoro-xero-sync.jar \"$@\"", "--"]
