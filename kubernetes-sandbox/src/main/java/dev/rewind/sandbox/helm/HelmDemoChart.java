package dev.rewind.sandbox.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A demo chart installed as Helm 3 leaves a release in a cluster, written from Helm's storage format and independent
 * of Rewind's own Helm code (which tests read it with): release JSON as Helm marshals it, Secrets encoded
 * base64(gzip(json)) and then base64 again by the API, objects labelled and annotated as Helm applies them. Two
 * chart versions of one service: v1 (greeting hello) and v2 (greeting hi, plus a feature flags ConfigMap and a cache
 * ConfigMap annotated {@code helm.sh/resource-policy: keep}).
 */
public final class HelmDemoChart {

    public static final String IMAGE = "registry.example/shop/checkout";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HelmDemoChart() {
    }

    /**
     * The manifest Helm renders for chart version {@code tag} of release {@code name}: v1.2.5 (v1) or v1.3.0 (v2); a
     * tag ending in {@code -broken} renders pods whose rollout the sandbox never completes.
     */
    public static String manifest(String name, String tag) {
        boolean v2 = tag.startsWith("v1.3");
        String manifest = """
                ---
                # Source: checkout/templates/configmap.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %1$s-config
                  labels:
                    app.kubernetes.io/name: %1$s
                    helm.sh/chart: checkout-%2$s
                data:
                  greeting: %3$s
                """.formatted(name, tag, v2 ? "hi" : "hello");
        if (v2) {
            manifest += """
                    ---
                    # Source: checkout/templates/feature-flags.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: %1$s-feature-flags
                    data:
                      new-checkout: "true"
                    ---
                    # Source: checkout/templates/cache.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: %1$s-cache
                      annotations:
                        helm.sh/resource-policy: keep
                    data:
                      size: "128"
                    """.formatted(name);
        }
        return manifest + """
                ---
                # Source: checkout/templates/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  labels:
                    app: %1$s
                    helm.sh/chart: checkout-%2$s
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: %1$s
                  template:
                    metadata:
                      labels:
                        app: %1$s%4$s
                    spec:
                      containers:
                        - name: %1$s
                          image: %3$s:%2$s
                          ports:
                            - containerPort: 8080
                """.formatted(name, tag, IMAGE, tag.endsWith("-broken")
                ? "\n      annotations:\n        sandbox.rewind.dev/simulate: progress-deadline-exceeded" : "");
    }

    /** Revision {@code version} of release {@code name} as Helm marshals it, chart version {@code tag}. */
    public static ObjectNode release(String name, String namespace, long version, String tag, String status,
                                     String description) {
        ObjectNode release = JSON.createObjectNode();
        release.put("name", name);
        ObjectNode info = release.putObject("info");
        info.put("first_deployed", "2026-11-20T10:00:00.123456789Z");
        info.put("last_deployed", "2026-11-2" + version + "T10:00:00.5Z");
        info.put("deleted", "");
        info.put("description", description);
        info.put("status", status);
        info.put("notes", "checkout " + tag + " is listening on :8080");
        ObjectNode chart = release.putObject("chart");
        chart.putObject("metadata").put("name", "checkout").put("version", tag.substring(1)).put("apiVersion", "v2");
        chart.putNull("lock");
        chart.putArray("templates");
        chart.putObject("values").put("greeting", "hello");
        release.putObject("config").putObject("image").put("tag", tag);
        release.put("manifest", manifest(name, tag));
        release.put("version", (int) version);
        release.put("namespace", namespace);
        // A field a newer Helm writes and Rewind does not know: it must survive a rollback.
        release.put("apply_method", "csa");
        return release;
    }

    /** Helm's {@code encodeRelease}, written here with the JDK alone: base64(gzip(json)). */
    public static String helmEncoded(ObjectNode release) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(release.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(buffer.toByteArray());
    }

    /** The Secret Helm's Secrets driver stores {@code release} in, its data base64-encoded once more by the API. */
    public static Secret secret(ObjectNode release) {
        String name = release.path("name").asText();
        long version = release.path("version").asLong();
        return new SecretBuilder()
                .withNewMetadata().withName("sh.helm.release.v1." + name + ".v" + version)
                .withNamespace(release.path("namespace").asText())
                .withLabels(Map.of("name", name, "owner", "helm", "status", release.path("info").path("status")
                        .asText(), "version", String.valueOf(version), "createdAt", "1795000000", "team", "payments"))
                .endMetadata()
                .withType("helm.sh/release.v1")
                .withData(Map.of("release", Base64.getEncoder().encodeToString(helmEncoded(release)
                        .getBytes(StandardCharsets.US_ASCII))))
                .build();
    }

    /**
     * Installs release {@code name} at the first of {@code tags} (v1.2.5 or v1.3.0) and upgrades it through the others,
     * as Helm would: objects applied with Helm's ownership metadata, the Deployment rolled by the sandbox's controller
     * ({@code reconcile}), every revision superseded but the last, deployed.
     */
    public static void installAndUpgrade(KubernetesClient client, Runnable reconcile, String namespace, String name,
                                         String... tags) {
        for (int i = 0; i < tags.length; i++) {
            apply(client, namespace, name, manifest(name, tags[i]));
            reconcile.run();
            boolean last = i == tags.length - 1;
            client.secrets().inNamespace(namespace).resource(secret(release(name, namespace, i + 1, tags[i],
                    last ? "deployed" : "superseded", i == 0 ? "Install complete" : "Upgrade complete"))).create();
        }
    }

    /** Creates or updates the objects of {@code manifest} as Helm labels and annotates them. */
    public static void apply(KubernetesClient client, String namespace, String release, String manifest) {
        List<HasMetadata> objects = client.load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)))
                .items();
        for (HasMetadata object : objects) {
            object.getMetadata().setNamespace(namespace);
            Map<String, String> labels = new HashMap<>(object.getMetadata().getLabels() == null ? Map.of()
                    : object.getMetadata().getLabels());
            labels.put("app.kubernetes.io/managed-by", "Helm");
            object.getMetadata().setLabels(labels);
            Map<String, String> annotations = new HashMap<>(object.getMetadata().getAnnotations() == null ? Map.of()
                    : object.getMetadata().getAnnotations());
            annotations.put("meta.helm.sh/release-name", release);
            annotations.put("meta.helm.sh/release-namespace", namespace);
            object.getMetadata().setAnnotations(annotations);
            if (client.resource(object).inNamespace(namespace).get() == null) {
                client.resource(object).inNamespace(namespace).create();
            } else if (object instanceof Deployment deployment) {
                client.apps().deployments().inNamespace(namespace).withName(release).edit(live -> {
                    live.getMetadata().setLabels(labels);
                    live.getSpec().setTemplate(deployment.getSpec().getTemplate());
                    return live;
                });
            } else if (object instanceof ConfigMap configMap) {
                client.configMaps().inNamespace(namespace).withName(configMap.getMetadata().getName()).edit(live -> {
                    live.getMetadata().setLabels(labels);
                    live.setData(configMap.getData());
                    return live;
                });
            }
        }
    }
}
