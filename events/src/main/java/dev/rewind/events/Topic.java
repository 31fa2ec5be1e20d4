package dev.rewind.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Kafka topic and the closed set of events it carries: the sealed interface {@code E}, whose permitted records
 * each declare their CloudEvents type with {@link EventType}.
 */
public final class Topic<E extends RewindEvent> {

    private final String name;
    private final Class<E> root;
    private final Map<String, Class<? extends E>> classByType;

    private Topic(String name, Class<E> root, Map<String, Class<? extends E>> classByType) {
        this.name = name;
        this.root = root;
        this.classByType = Collections.unmodifiableMap(classByType);
    }

    /** Describes topic {@code name} carrying the permitted subclasses of the sealed interface {@code root}. */
    @SuppressWarnings("unchecked")
    public static <E extends RewindEvent> Topic<E> of(String name, Class<E> root) {
        if (!root.isSealed()) {
            throw new IllegalArgumentException(root.getName() + " must be a sealed interface");
        }
        Map<String, Class<? extends E>> byType = new LinkedHashMap<>();
        for (Class<?> permitted : root.getPermittedSubclasses()) {
            EventType type = permitted.getAnnotation(EventType.class);
            if (type == null) {
                throw new IllegalArgumentException(permitted.getName() + " lacks @EventType");
            }
            if (byType.put(type.value(), (Class<? extends E>) permitted) != null) {
                throw new IllegalArgumentException("CloudEvents type " + type.value() + " declared twice");
            }
        }
        return new Topic<>(name, root, byType);
    }

    public String name() {
        return name;
    }

    /** Where consumers of this topic send what they cannot parse or process. */
    public String deadLetterTopic() {
        return name + ".dlq";
    }

    public Class<E> eventClass() {
        return root;
    }

    /** Every CloudEvents type this topic carries, in declaration order. */
    public Set<String> types() {
        return classByType.keySet();
    }

    public Class<? extends E> classOf(String type) {
        Class<? extends E> cls = classByType.get(type);
        if (cls == null) {
            throw new EventParseException("unknown CloudEvents type '" + type + "' for topic " + name
                    + ", expected one of " + classByType.keySet());
        }
        return cls;
    }

    /** The CloudEvents type of {@code event}. */
    public String typeOf(E event) {
        return typeOf(event.getClass());
    }

    /** The CloudEvents type of an event record class. */
    public static String typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        return Objects.requireNonNull(type, () -> eventClass.getName() + " lacks @EventType").value();
    }

    /** Parses a payload of the given CloudEvents type; throws {@link EventParseException} saying what is wrong. */
    public E parse(String type, String json) {
        if (type == null || type.isBlank()) {
            throw new EventParseException("missing CloudEvents type (header ce_type) on a record of topic " + name);
        }
        return EventJson.read(json, classOf(type));
    }

    @Override
    public String toString() {
        return name;
    }
}
