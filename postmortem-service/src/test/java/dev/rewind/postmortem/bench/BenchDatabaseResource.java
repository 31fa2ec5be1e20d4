package dev.rewind.postmortem.bench;

import dev.rewind.platform.testing.InfrastructureResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The tests' broker and PostgreSQL server, but a database of the benchmark's own ({@value #DATABASE}), created on
 * first use, so that its 100,000 incidents never meet the tests' (or the dev stack's) data; and consumer groups of its
 * own, so that it never takes events from a test's service.
 */
public class BenchDatabaseResource extends InfrastructureResource {

    static final String DATABASE = "rewind_bench_incident_queries";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String url = config.get("quarkus.datasource.jdbc.url");
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        create(server);
        config.put("quarkus.datasource.jdbc.url", server + DATABASE);
        config.put("mp.messaging.incoming.incident-events.group.id", DATABASE);
        config.put("mp.messaging.incoming.rollback-requests.group.id", DATABASE);
        config.put("mp.messaging.incoming.incident-events.auto.offset.reset", "latest");
        config.put("mp.messaging.incoming.rollback-requests.auto.offset.reset", "latest");
        return config;
    }

    /** Creates the database, owned by the services' user; the local cluster trusts its superuser on 127.0.0.1. */
    private static void create(String server) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER rewind");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the benchmark's database " + DATABASE + " at " + server
                    + " as the superuser postgres (the benchmark expects the dev scripts' local cluster): "
                    + e.getMessage(), e);
        }
    }
}
