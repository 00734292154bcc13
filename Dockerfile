# The service image: built from source with the Maven wrapper, run on a JRE as a non-root user.
# Tests are not run here (they need a PostGIS server); run scripts/test.sh before building.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY gis-data gis-data
COPY web web
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app app
WORKDIR /app
COPY --from=build /src/target/changchun-layout-*.jar /app/changchun-layout.jar
USER app
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/changchun-layout.jar"]
