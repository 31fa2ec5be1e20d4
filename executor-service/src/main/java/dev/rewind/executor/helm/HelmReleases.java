package dev.rewind.executor.helm;

import dev.rewind.executor.domain.RollbackRefused;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Helm 3's release storage in Secrets ({@code pkg/storage/driver/secrets.go}), in one namespace: one Secret per
 * revision, {@code sh.helm.release.v1.<name>.v<version>}, type {@value #TYPE}, labelled {@code name},
 * {@code owner=helm}, {@code status}, {@code version} (and {@code createdAt} / {@code modifiedAt}), its
 * {@code data.release} encoded by
 * {@link HelmReleaseCodec}. The revision Rewind creates also carries the annotation {@value #EXECUTION}, naming the
 * execution that created it, so that a restarted executor recognises it; Helm ignores it.
 */
public final class HelmReleases {

    /** The Secret type of a Helm 3 release. */
    public static final String TYPE = "helm.sh/release.v1";
    /** Annotation naming the Rewind execution that created a revision. */
    public static final String EXECUTION = "rewind.dev/execution";

    private static final Logger LOG = Logger.getLogger(HelmReleases.class);
    private static final int CONFLICT = 409;
    private static final int UPDATE_ATTEMPTS = 5;

    private final ApiCalls api;
    private final KubernetesClient client;
    private final String namespace;

    public HelmReleases(ApiCalls api, KubernetesClient client, String namespace) {
        this.api = api;
        this.client = client;
        this.namespace = namespace;
    }

    /** A stored revision and the execution that created it (null when not Rewind). */
    public record Stored(HelmRelease release, String execution) {
    }

    /** The Secret name of revision {@code version} of release {@code name}. */
    public static String key(String name, long version) {
        return "sh.helm.release.v1." + name + ".v" + version;
    }

    /** Every revision of release {@code name} (Helm's {@code History}); Secrets that do not decode are skipped. */
    public List<HelmRelease> history(String name) {
        List<Secret> secrets = api.call(() -> client.secrets().inNamespace(namespace)
                .withLabels(Map.of("owner", "helm", "name", name)).list().getItems());
        List<HelmRelease> releases = new ArrayList<>();
        for (Secret secret : secrets) {
            try {
                releases.add(decode(secret));
            } catch (RuntimeException e) {
                LOG.warnf("Helm release Secret %s/%s does not decode (%s): skipped, as Helm skips it", namespace,
                        secret.getMetadata().getName(), e.getMessage());
            }
        }
        return releases;
    }

    /** Revision {@code version} of release {@code name}, if stored. */
    public Optional<Stored> get(String name, long version) {
        Secret secret = read(name, version);
        if (secret == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(decode(secret), annotation(secret)));
    }

    /**
     * Stores a new revision made by {@code execution} (Helm's {@code Create}); false when one of that version exists
     * already: Helm's lock, nothing is overwritten.
     */
    public boolean create(HelmRelease release, UUID execution) {
        Map<String, String> labels = labels(release);
        labels.put("createdAt", String.valueOf(Instant.now().getEpochSecond()));
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(key(release.name(), release.version())).withNamespace(namespace)
                .withLabels(labels).withAnnotations(Map.of(EXECUTION, execution.toString())).endMetadata()
                .withType(TYPE)
                .withData(Map.of("release", HelmReleaseCodec.toSecretData(release.json())))
                .build();
        try {
            api.call(() -> client.secrets().inNamespace(namespace).resource(secret).create());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Rewrites revision {@code version} with {@code change} applied (Helm's {@code Update}), its status label kept in
     * step with {@code info.status}. A compare-and-set on the Secret's resourceVersion, read and changed again when
     * someone wrote it in between; the Secret's other metadata is kept.
     *
     * @return the revision as stored
     */
    public HelmRelease update(String name, long version, UnaryOperator<HelmRelease> change) {
        for (int attempt = 1; ; attempt++) {
            Secret secret = read(name, version);
            if (secret == null) {
                throw new RollbackRefused("release \"" + name + "\" has no " + version + " version any more (Secret "
                        + namespace + "/" + key(name, version) + " is gone): someone deleted it meanwhile");
            }
            HelmRelease changed = change.apply(decode(secret));
            Map<String, String> labels = secret.getMetadata().getLabels() == null ? new HashMap<>()
                    : new HashMap<>(secret.getMetadata().getLabels());
            labels.putAll(labels(changed));
            labels.put("modifiedAt", String.valueOf(Instant.now().getEpochSecond()));
            Secret updated = new SecretBuilder(secret).editMetadata().withLabels(labels).endMetadata()
                    .withData(Map.of("release", HelmReleaseCodec.toSecretData(changed.json()))).build();
            try {
                api.call(() -> client.secrets().inNamespace(namespace).resource(updated).update());
                return changed;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt >= UPDATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Secret read(String name, long version) {
        return api.call(() -> client.secrets().inNamespace(namespace).withName(key(name, version)).get());
    }

    private static HelmRelease decode(Secret secret) {
        String data = secret.getData() == null ? null : secret.getData().get("release");
        if (data == null) {
            throw new IllegalArgumentException("Secret " + secret.getMetadata().getName() + " has no data.release");
        }
        return HelmRelease.of(HelmReleaseCodec.fromSecretData(data), secret.getMetadata().getLabels());
    }

    private static String annotation(Secret secret) {
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(EXECUTION);
    }

    /** Helm's {@code newSecretsObject} labels: the release's own, then name, owner, status and version. */
    private static Map<String, String> labels(HelmRelease release) {
        Map<String, String> labels = new HashMap<>(release.labels());
        labels.put("name", release.name());
        labels.put("owner", "helm");
        labels.put("status", release.status().wire());
        labels.put("version", String.valueOf(release.version()));
        return labels;
    }
}
