package dev.rewind.events.asyncapi;

import dev.rewind.events.TargetKey;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * JSON schemas of event records, as EventJson writes them: one component schema per record, enum and TargetKey,
 * referenced by name; each record's properties are its components, in declaration order.
 */
final class PayloadSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> components = new LinkedHashMap<>();
    private final Map<String, Class<?>> classByName = new LinkedHashMap<>();
    private final RequiredProperties required;

    PayloadSchemas(RequiredProperties required) {
        this.required = required;
    }

    /** Every schema referenced so far, by component name. */
    Map<String, Object> components() {
        return components;
    }

    /** A reference to the schema of {@code record}, defining it (and what it uses) on first use. */
    Map<String, Object> refTo(Class<?> type) {
        String name = type.getSimpleName();
        Class<?> known = classByName.putIfAbsent(name, type);
        if (known != null && known != type) {
            throw new IllegalStateException(type.getName() + " and " + known.getName() + " share the schema name "
                    + name + ": rename one, or teach PayloadSchemas to qualify nested names");
        }
        if (known == null) {
            components.put(name, new LinkedHashMap<>()); // reserves its place, and ends recursion
            components.put(name, define(type));
        }
        return ordered("$ref", REF_PREFIX + name);
    }

    private Map<String, Object> define(Class<?> type) {
        Javadocs.Comment comment = Javadocs.of(type);
        Map<String, Object> schema = new LinkedHashMap<>();
        if (type == TargetKey.class) {
            schema.put("type", "string");
            schema.put("description", comment.text());
            String label = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
            schema.put("pattern", "^" + label + "/" + label + "/" + label + "$");
            schema.put("examples", List.of("production/payments/checkout"));
            return schema;
        }
        if (type.isEnum()) {
            schema.put("type", "string");
            schema.put("description", comment.text());
            schema.put("enum", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            return schema;
        }
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is neither a record, an enum nor TargetKey: "
                    + "describe its JSON in PayloadSchemas");
        }
        schema.put("type", "object");
        if (!comment.text().isEmpty()) {
            schema.put("description", comment.text());
        }
        List<String> requiredNames = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(required.of(type)::contains).toList();
        if (!requiredNames.isEmpty()) {
            schema.put("required", requiredNames);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Map<String, Object> property = new LinkedHashMap<>(of(component.getGenericType(), component.getName()));
            comment.param(component.getName()).ifPresent(text -> describe(property, text));
            properties.put(component.getName(), property);
        }
        schema.put("properties", properties);
        return schema;
    }

    /** A $ref cannot carry siblings in JSON Schema draft 7 (AsyncAPI's base): wrap it to add a description. */
    private static void describe(Map<String, Object> property, String text) {
        if (property.containsKey("$ref")) {
            Map<String, Object> ref = new LinkedHashMap<>(property);
            property.clear();
            property.put("allOf", List.of(ref));
        }
        property.put("description", text);
    }

    /** A map in the order given: the document is compared as text, so its order must not depend on hashing. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private Map<String, Object> of(Type type, String where) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                return ordered("type", "array", "items", of(arguments[0], where + "[]"));
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                return ordered("type", "object", "additionalProperties", of(arguments[1], where + "{}"));
            }
        }
        if (type instanceof Class<?> cls && !Collection.class.isAssignableFrom(cls)
                && !Map.class.isAssignableFrom(cls)) {
            if (cls == String.class) {
                return ordered("type", "string");
            }
            if (cls == UUID.class) {
                return ordered("type", "string", "format", "uuid");
            }
            if (cls == Instant.class) {
                return ordered("type", "string", "format", "date-time");
            }
            if (cls == boolean.class || cls == Boolean.class) {
                return ordered("type", "boolean");
            }
            if (cls == int.class || cls == Integer.class) {
                return ordered("type", "integer", "format", "int32");
            }
            if (cls == long.class || cls == Long.class) {
                return ordered("type", "integer", "format", "int64");
            }
            if (cls == double.class || cls == Double.class) {
                return ordered("type", "number", "format", "double");
            }
            if (cls.isRecord() || cls.isEnum() || cls == TargetKey.class) {
                return refTo(cls);
            }
        }
        throw new IllegalStateException("no JSON schema for " + type.getTypeName() + " (" + where + "): describe it "
                + "in PayloadSchemas");
    }
}
