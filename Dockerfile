# Builds the runnable jar and runs it; used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/scoro-xero-sync.jar /app/scoro-xero-sync.jar
EXPOSE 18081 18082
ENTRYPOINT ["java", "-jar", "/app/scoro-xero-sync.jar"]
