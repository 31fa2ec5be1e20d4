package dev.rewind.platform.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka static group membership for a named instance: when {@code rewind.instance-id} (REWIND_INSTANCE_ID; in
 * Kubernetes the pod's name) is set, each of the instance's consumers joins its group as
 * {@code <instance-id>.<channel>}. An instance restarted under the same name (a crash, the OOM killer, a container
 * restart) then gets its partitions back as soon as it joins, instead of after the dead member's session expires
 * (session.timeout.ms), and its short absence moves no partition of the other members. Unset, members are dynamic.
 * Each running instance must have its own name: two consumers with one name fence each other.
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    /** What Kafka accepts in a group.instance.id, and its longest length. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final Optional<String> instanceId;

    @Inject
    public StaticMembership(@ConfigProperty(name = "rewind.instance-id") Optional<String> instanceId) {
        this.instanceId = instanceId.map(String::strip).filter(id -> !id.isEmpty());
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        return withMembership(instanceId, channel, config);
    }

    /**
     * {@code config} with {@code group.instance.id} set for a consumer of channel {@code channel} of the named
     * instance; producers' and admin clients' settings, and every setting of an unnamed instance, are left alone.
     */
    static Map<String, Object> withMembership(Optional<String> instanceId, String channel, Map<String, Object> config) {
        if (instanceId.isEmpty() || !config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)
                || config.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            return config;
        }
        String member = instanceId.get() + "." + channel;
        if (!LEGAL.matcher(member).matches()) {
            throw new IllegalArgumentException("rewind.instance-id (REWIND_INSTANCE_ID) \"" + instanceId.get()
                    + "\" cannot name a Kafka group member: use letters, digits, '.', '_' and '-' only (a pod name "
                    + "does), at most " + (249 - channel.length() - 1) + " characters");
        }
        Map<String, Object> named = new HashMap<>(config);
        named.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member);
        return named;
    }
}
