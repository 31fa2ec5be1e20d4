package dev.rewind.executor.helm;

import java.util.function.Supplier;

/**
 * How the Helm method sends each Kubernetes API call: in the executor, {@code KubernetesApi::call} (the retry
 * policy); in plain tests, {@code Supplier::get}.
 */
@FunctionalInterface
public interface ApiCalls {

    <T> T call(Supplier<T> request);
}
