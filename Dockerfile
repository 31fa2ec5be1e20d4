# One image recipe for every service: docker build --build-arg SERVICE=detector-service -t rewind/detector-service .
# Build the jars first (mvn package -DskipTests); the image only copies target/quarkus-app.
FROM eclipse-temurin:17-jre
ARG SERVICE
WORKDIR /deployments
COPY ${SERVICE}/target/quarkus-app/lib/ lib/
COPY ${SERVICE}/target/quarkus-app/*.jar ./
COPY ${SERVICE}/target/quarkus-app/app/ app/
COPY ${SERVICE}/target/quarkus-app/quarkus/ quarkus/
# The class-data sharing archive of the classes the service loads at start, made here by this image's JVM (one made
# by another JVM is refused): the service starts about 20% sooner. Starting for it needs no broker or database.
RUN java -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar
USER 185
# The JVM options dev/lib.sh runs the services with (REWIND_JAVA_OPTS, measured by bench/footprint.sh); keep both alike.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto \
-Djava.util.logging.manager=org.jboss.logmanager.LogManager"
# From /deployments: the archive names the jar by its relative path.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar quarkus-run.jar"]
