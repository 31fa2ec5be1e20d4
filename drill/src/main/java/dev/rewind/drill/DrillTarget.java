package dev.rewind.drill;

/**
 * Where one drill scenario deploys its test version: an environment of Rewind's configuration, a namespace that
 * environment owns, and a Deployment the drill creates there (a new one per run, so that the cooldown a previous
 * drill left on its target does not decline this one).
 */
public record DrillTarget(String environment, String namespace, String deployment) {

    /** {@code environment/namespace/deployment}, as incidents name their target. */
    @Override
    public String toString() {
        return environment + "/" + namespace + "/" + deployment;
    }
}
