package dev.rewind.postmortem.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A year of incidents, one every 5 m 15 s, spread deterministically over 3 environments, 20 namespaces and 200
 * services, the four severities and every status in proportions like a real year's (70% rolled back and verified, 5%
 * unverified, 5% failed, 10% declined or rejected, ...), with reasons as the detector words them (1% an OOM kill).
 */
final class IncidentSeed {

    static final int SERVICES = 200;
    static final int NAMESPACES = 20;

    private static final String INSERT = """
            INSERT INTO incident (id, number, target, environment, namespace, service, severity, signal, reason,
                                  status, opened_at, updated_at, rollback_started_at, rollback_completed_at,
                                  recovered_at, closed_at, time_to_rollback_ms, deadline_at)
            SELECT md5('bench-incident-' || i)::uuid, i, env || '/' || ns || '/' || svc, env, ns, svc, sev, sig,
                   CASE WHEN i % 100 = 7 THEN 'OOMKilled: container exceeded its 512Mi memory limit on ' || svc
                        WHEN sig = 'ERROR_RATE' THEN '5xx rate ' || (5 + i % 20) || '% above threshold 5% on ' || svc
                        WHEN sig = 'LATENCY' THEN 'p99 latency ' || (2 + i % 5) || 'x baseline after deploy of ' || svc
                        ELSE 'health check failing on ' || (1 + i % 9) || ' of 10 pods of ' || svc END,
                   status, opened, opened + interval '30 minutes',
                   CASE WHEN status IN ('ROLLING_BACK', 'ROLLED_BACK', 'ROLLED_BACK_UNVERIFIED', 'ROLLBACK_FAILED')
                        THEN opened + interval '1 minute' END,
                   CASE WHEN status IN ('ROLLED_BACK', 'ROLLED_BACK_UNVERIFIED') THEN opened + ttr END,
                   CASE WHEN status = 'ROLLED_BACK' THEN opened + ttr + interval '2 minutes' END,
                   CASE WHEN status NOT IN ('OPEN', 'AWAITING_APPROVAL', 'APPROVED', 'ROLLING_BACK')
                        THEN opened + interval '30 minutes' END,
                   CASE WHEN status IN ('ROLLED_BACK', 'ROLLED_BACK_UNVERIFIED')
                        THEN (extract(epoch FROM ttr) * 1000)::bigint END,
                   opened + CASE sev WHEN 'P0' THEN interval '5 minutes' WHEN 'P1' THEN interval '15 minutes'
                                     WHEN 'P2' THEN interval '1 hour' ELSE interval '4 hours' END
            FROM (SELECT i,
                         (ARRAY['production', 'staging', 'development'])[1 + h_env % 3] AS env,
                         'ns-' || lpad((h_svc % {services} % {namespaces})::text, 2, '0') AS ns,
                         'svc-' || lpad((h_svc % {services})::text, 3, '0') AS svc,
                         (ARRAY['P0', 'P1', 'P1', 'P2', 'P2', 'P2', 'P3', 'P3'])[1 + h_sev % 8] AS sev,
                         (ARRAY['ERROR_RATE', 'LATENCY', 'HEALTH_CHECK_FAILING'])[1 + h_sig % 3] AS sig,
                         CASE WHEN h_status % 100 < 70 THEN 'ROLLED_BACK'
                              WHEN h_status % 100 < 75 THEN 'ROLLED_BACK_UNVERIFIED'
                              WHEN h_status % 100 < 80 THEN 'ROLLBACK_FAILED'
                              WHEN h_status % 100 < 88 THEN 'DECLINED'
                              WHEN h_status % 100 < 90 THEN 'REJECTED'
                              WHEN h_status % 100 < 92 THEN 'EXPIRED'
                              WHEN h_status % 100 < 95 THEN 'OPEN'
                              WHEN h_status % 100 < 98 THEN 'AWAITING_APPROVAL'
                              ELSE 'ROLLING_BACK' END AS status,
                         now() - i * interval '315 seconds' AS opened,
                         interval '1 second' * (90 + h_ttr % 1500) AS ttr
                  FROM (SELECT i,
                               -- independent pseudo-random draws per incident (hashint4 of shifted i, made >= 0)
                               hashint4(i)::bigint + 2147483648 AS h_svc,
                               hashint4(i + 1000000)::bigint + 2147483648 AS h_env,
                               hashint4(i + 2000000)::bigint + 2147483648 AS h_sev,
                               hashint4(i + 3000000)::bigint + 2147483648 AS h_sig,
                               hashint4(i + 4000000)::bigint + 2147483648 AS h_status,
                               hashint4(i + 5000000)::bigint + 2147483648 AS h_ttr
                        FROM generate_series(1, {incidents}) AS i) AS draws) AS seed
            """;

    private IncidentSeed() {
    }

    /** Adds {@code incidents} incidents to the (empty) table, then refreshes the planner's statistics. */
    static void seed(DataSource dataSource, int incidents) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(INSERT.replace("{services}", String.valueOf(SERVICES))
                    .replace("{namespaces}", String.valueOf(NAMESPACES))
                    .replace("{incidents}", String.valueOf(incidents)));
            statement.execute("ANALYZE incident");
        }
    }
}
