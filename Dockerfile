# One image recipe for every service: docker build --build-arg SERVICE=detector-service -t rewind/detector-service .
# Build the jars first (mvn package -DskipTests); the image only copies target/quarkus-app.
FROM eclipse-temurin:17-jre
ARG SERVICE
WORKDIR /deployments
COPY ${SERVICE}/target/quarkus-app/lib/ lib/
COPY ${SERVICE}/target/quarkus-app/*.jar ./
COPY ${SERVICE}/target/quarkus-app/app/ app/
COPY ${SERVICE}/target/quarkus-app/quarkus/ quarkus/
# The JVM options every service runs with, then this service's own: the files dev/stack.sh and the system tests read.
COPY dev/service-jvm.options jvm.options
COPY ${SERVICE}/jvm.options own-jvm.options
# The class-data sharing archive of the classes the service loads at start, made here by this image's JVM (one made
# by another JVM is refused): the service starts about 20% sooner. Starting for it needs no broker or database.
RUN java @jvm.options @own-jvm.options -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true \
    -jar quarkus-run.jar \
 && printf '%s\n' -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager >> own-jvm.options
USER 185
# glibc keeps one malloc arena per thread otherwise.
ENV MALLOC_ARENA_MAX=2
# Added after the two files (a later option wins): set to tune one deployment without rebuilding.
ENV JAVA_OPTS=""
# From /deployments: the archive names the jar by its relative path.
ENTRYPOINT ["sh", "-c", "exec java @jvm.options @own-jvm.options $JAVA_OPTS -jar quarkus-run.jar"]
