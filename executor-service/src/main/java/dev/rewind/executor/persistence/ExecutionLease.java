package dev.rewind.executor.persistence;

import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.LeaseLost;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Exactly one executor instance drives an execution at a time: it takes the execution's lease with a conditional
 * UPDATE (free, expired, or already its own), renews it while driving, and gives it back when it stops; a lease
 * whose owner died expires and another instance takes the execution over. Expiry is measured on the database's clock,
 * so instances' clocks do not matter.
 */
@ApplicationScoped
public class ExecutionLease {

    private static final String UNFINISHED = "state IN ('ACCEPTED', 'RUNNING')";

    /**
     * Leases held under another name that this instance may take at once: those of its own earlier runs (a named
     * instance restarted under its name), whose owner starts with this prefix; empty for an unnamed instance.
     */
    private static String earlierRun(int parameter) {
        return "(?" + parameter + " <> '' AND starts_with(lease_owner, ?" + parameter + "))";
    }

    private final String owner;
    private final String earlierRuns;
    private final double seconds;

    /**
     * The owner is {@code rewind.executor.lease.owner} when set; otherwise, for a named instance
     * ({@code rewind.instance-id}), {@code <instance-id>/<this run>}: a run takes over the leases of the instance's
     * earlier runs at once, and an earlier run still alive (two processes given one name by mistake) loses them at its
     * next renewal or record instead of driving them too. Unnamed, the host name and a random suffix.
     */
    @Inject
    public ExecutionLease(ExecutorConfig config, @ConfigProperty(name = "rewind.instance-id") Optional<String> instance) {
        Optional<String> named = instance.map(String::strip).filter(name -> !name.isEmpty());
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.owner = config.lease().owner()
                .or(() -> named.map(name -> name + "/" + run))
                .orElseGet(ExecutionLease::defaultOwner);
        this.earlierRuns = config.lease().owner().isEmpty() && named.isPresent() ? named.get() + "/" : "";
        this.seconds = config.lease().duration().toMillis() / 1000.0;
    }

    /** This instance's name in {@code lease_owner}. */
    public String owner() {
        return owner;
    }

    /**
     * Takes the lease of an unfinished execution and reads it as recorded, with one statement; empty when another
     * live instance holds it or it is finished.
     */
    public Optional<ExecutionRecord> take(UUID executionId) {
        return QuarkusTransaction.requiringNew().call(() -> updatedRow(
                        "UPDATE execution SET lease_owner = ?1, lease_expires_at = clock_timestamp() + make_interval("
                                + "secs => ?2) WHERE id = ?3 AND " + UNFINISHED + " AND (lease_owner IS NULL OR "
                                + "lease_owner = ?1 OR " + earlierRun(4) + " OR lease_expires_at < clock_timestamp())"
                                + " RETURNING *")
                .setParameter(1, owner).setParameter(2, seconds).setParameter(3, executionId)
                .setParameter(4, earlierRuns).getResultList().stream().findFirst());
    }

    /** Extends the leases this instance holds on {@code executionIds}; returns those it no longer holds. */
    public List<UUID> renew(Collection<UUID> executionIds) {
        return QuarkusTransaction.requiringNew().call(() -> executionIds.stream()
                .filter(id -> Panache.getEntityManager().createNativeQuery(
                                "UPDATE execution SET lease_expires_at = clock_timestamp() + make_interval(secs => ?2) "
                                        + "WHERE id = ?3 AND lease_owner = ?1 AND " + UNFINISHED)
                        .setParameter(1, owner).setParameter(2, seconds).setParameter(3, id)
                        .executeUpdate() == 0)
                .toList());
    }

    /** Gives the lease back, so that another instance may resume the execution at once. */
    public void release(UUID executionId) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "UPDATE execution SET lease_owner = NULL, lease_expires_at = NULL "
                                + "WHERE id = ?2 AND lease_owner = ?1")
                .setParameter(1, owner).setParameter(2, executionId).executeUpdate());
    }

    /** Gives back every lease this instance holds: it is stopping. */
    public int releaseAll() {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "UPDATE execution SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?1")
                .setParameter(1, owner).executeUpdate());
    }

    /**
     * Unfinished executions nobody holds (never taken, given back, or whose owner died), those this run holds (driving
     * now: the caller skips those) and those an earlier run of this named instance held (rewind.instance-id), which a
     * restarted instance resumes at once instead of waiting for the lease to expire. Oldest first.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimable() {
        return QuarkusTransaction.requiringNew().call(() -> (List<UUID>) Panache.getEntityManager().createNativeQuery(
                        "SELECT id FROM execution WHERE " + UNFINISHED + " AND (lease_owner IS NULL OR lease_owner = ?1 "
                                + "OR " + earlierRun(2) + " OR lease_expires_at < clock_timestamp()) ORDER BY created_at",
                        UUID.class)
                .setParameter(1, owner).setParameter(2, earlierRuns).getResultList());
    }

    /**
     * Checks, in the current transaction, that this instance still holds the execution's lease, extends it, and reads
     * the execution as recorded, with one statement; throws {@link LeaseLost} otherwise. The row stays locked until
     * the transaction ends, so that what it records is never contradicted by an instance taking over meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExecutionRecord held(UUID executionId) {
        return updatedRow("UPDATE execution SET lease_expires_at = clock_timestamp() + make_interval(secs => ?2) "
                        + "WHERE id = ?3 AND lease_owner = ?1 AND lease_expires_at > clock_timestamp() RETURNING *")
                .setParameter(1, owner).setParameter(2, seconds).setParameter(3, executionId)
                .getResultList().stream().findFirst().orElseThrow(() -> new LeaseLost(executionId));
    }

    /** {@code update}, an UPDATE of one execution RETURNING its columns, read as the entity it changed. */
    private static TypedQuery<ExecutionRecord> updatedRow(String update) {
        @SuppressWarnings("unchecked")
        TypedQuery<ExecutionRecord> query = (TypedQuery<ExecutionRecord>) Panache.getEntityManager()
                .createNativeQuery(update, ExecutionRecord.class);
        return query;
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "executor";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
