package dev.rewind.events.asyncapi;

import static dev.rewind.events.asyncapi.PayloadSchemas.ordered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.IncidentScoped;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates docs/asyncapi.yaml, the AsyncAPI 3.0 description of Rewind's topics, from {@link Topics}, the event
 * records and their Javadoc: one channel per topic and per dead-letter topic, one message per CloudEvents type with
 * its headers, record key and payload schema, and the golden fixture as its example. Run {@link #main} (or the
 * test with -Drewind.asyncapi.write=true) from the events module's directory to write it.
 */
public final class AsyncApiDocument {

    /** The checked-in document, relative to the events module. */
    static final Path FILE = Path.of("..", "docs", "asyncapi.yaml");
    static final String REGENERATE = "mvn test -pl events -Dtest=AsyncApiDocumentTest "
            + "-Drewind.asyncapi.write=true";
    static final String DEAD_LETTER_MESSAGE = "DeadLetter";
    static final String HEADERS_SCHEMA = "CloudEventHeaders";

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    // Every string quoted: unquoted, a timestamp in an example would read back as a date.
                    .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .build();

    private AsyncApiDocument() {
    }

    /** Writes the document to docs/asyncapi.yaml. */
    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, yaml());
        System.out.println("wrote " + FILE.toAbsolutePath().normalize());
    }

    /** The document as YAML text, as checked in. */
    static String yaml() {
        try {
            return "# Generated from the events module by " + AsyncApiDocument.class.getName() + ": do not edit.\n"
                    + "# Regenerate: " + REGENERATE + "\n" + YAML.writeValueAsString(build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the AsyncAPI document as YAML", e);
        }
    }

    /** Reads YAML text (the checked-in document) as a tree. */
    static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("docs/asyncapi.yaml is not YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Channel ids may not contain dots: rewind.rollback-requests is rollbackRequests. */
    static String channelId(String topic) {
        String[] words = topic.replaceFirst("^rewind\\.", "").split("[-.]");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    static Map<String, Object> build() {
        PayloadSchemas schemas = new PayloadSchemas(RequiredProperties.fromGoldenFixtures());
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (Topic<?> topic : Topics.ALL) {
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            for (String type : topic.types()) {
                Class<?> event = topic.classOf(type);
                channelMessages.put(event.getSimpleName(), ordered("$ref", "#/components/messages/"
                        + event.getSimpleName()));
                messages.put(event.getSimpleName(), message(type, event, schemas));
            }
            channels.put(channelId(topic.name()), ordered(
                    "address", topic.name(),
                    "title", topic.name(),
                    "description", Javadocs.ofTopicConstant(Topics.class, topic.name()).text()
                            + " Each record is keyed by its event's "
                            + "target (environment/namespace/service), so that one target's events stay in order "
                            + "on one partition; consumers refuse a record whose key is not its event's target.",
                    "messages", channelMessages));
        }
        for (Topic<?> topic : Topics.ALL) {
            channels.put(channelId(topic.deadLetterTopic()), ordered(
                    "address", topic.deadLetterTopic(),
                    "title", topic.deadLetterTopic(),
                    "description", "Where the consumers of " + topic.name() + " send a record they cannot parse "
                            + "or process, as it came (key, value and headers), with the reason in its headers.",
                    "messages", ordered(DEAD_LETTER_MESSAGE, ordered("$ref", "#/components/messages/"
                            + DEAD_LETTER_MESSAGE))));
        }
        messages.put(DEAD_LETTER_MESSAGE, deadLetter());
        schemas.refTo(TargetKey.class);
        schemas.components().put(HEADERS_SCHEMA, cloudEventHeaders());
        return ordered(
                "asyncapi", "3.0.0",
                "info", ordered(
                        "title", "Rewind events",
                        "version", "1.0.0",
                        "description", "The Kafka topics Rewind's services share: each record is a CloudEvents 1.0 "
                                + "event in binary mode (the attributes in ce_* headers, the JSON payload as the "
                                + "value), keyed by its target. Consumers ignore payload properties they do not "
                                + "know, so producers may add some; a record a consumer cannot read goes to the "
                                + "topic's dead-letter topic (<topic>.dlq). Generated from the events module ("
                                + AsyncApiDocument.class.getSimpleName() + ") and checked against it by "
                                + "AsyncApiDocumentTest."),
                "defaultContentType", "application/json",
                "servers", ordered("kafka", ordered(
                        "host", "127.0.0.1:9092",
                        "protocol", "kafka",
                        "description", "The broker the services' KAFKA_BOOTSTRAP_SERVERS name (127.0.0.1:9092 by "
                                + "default).")),
                "channels", channels,
                "components", ordered(
                        "messages", messages,
                        "schemas", schemas.components()));
    }

    private static Map<String, Object> message(String type, Class<?> event, PayloadSchemas schemas) {
        Map<String, Object> payload = schemas.refTo(event);
        JsonNode example;
        try {
            example = EventJson.mapper().readTree(EventFixtures.json(type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the golden fixture of " + type + " is not JSON", e);
        }
        return ordered(
                "name", event.getSimpleName(),
                "title", type,
                "summary", Javadocs.of(event).text(),
                "contentType", "application/json",
                "headers", headers(type, event),
                "bindings", ordered("kafka", ordered(
                        "key", schemas.refTo(TargetKey.class),
                        "bindingVersion", "0.5.0")),
                "payload", payload,
                "examples", List.of(ordered(
                        "name", "golden",
                        "summary", "The golden fixture events/src/test/resources/fixtures/" + type + ".json",
                        "payload", example)));
    }

    /** The headers of one CloudEvents type: the common ones, its ce_type and what its ce_subject is. */
    private static Map<String, Object> headers(String type, Class<?> event) {
        Map<String, Object> subject;
        if (IncidentScoped.class.isAssignableFrom(event)) {
            subject = ordered("type", "string", "format", "uuid", "description", "The incident's id (incidentId).");
        } else if (AlertEvent.class.isAssignableFrom(event)) {
            subject = ordered("type", "string", "description", "The alert's fingerprint.");
        } else {
            throw new IllegalStateException(event.getName() + " is neither incident-scoped nor an alert: say what "
                    + "its ce_subject is in AsyncApiDocument");
        }
        return ordered("allOf", List.of(
                ordered("$ref", PayloadSchemas.REF_PREFIX + HEADERS_SCHEMA),
                ordered("type", "object", "properties", ordered(
                        "ce_type", ordered("type", "string", "const", type),
                        "ce_subject", subject))));
    }

    private static Map<String, Object> cloudEventHeaders() {
        return ordered(
                "type", "object",
                "description", "CloudEvents attributes in binary mode. Rewind writes all of them; its consumers "
                        + "need ce_id and ce_type.",
                "required", List.of("ce_id", "ce_type"),
                "properties", ordered(
                        "ce_specversion", ordered("type", "string", "const", "1.0"),
                        "ce_id", ordered("type", "string", "format", "uuid", "description", "New per event; a "
                                + "consumer skips an id it already processed, so a re-send keeps it."),
                        "ce_type", ordered("type", "string", "description", "The event's type, "
                                + "dev.rewind.<noun>.<verb>.v<version>: it names the payload's schema."),
                        "ce_source", ordered("type", "string", "format", "uri-reference", "description",
                                "The producer: /rewind/<service> for Rewind's own (rewind.messaging.source).",
                                "examples", List.of("/rewind/detector-service")),
                        "ce_subject", ordered("type", "string", "description", "What the event is about: "
                                + "the incident's id, or an alert's fingerprint."),
                        "ce_time", ordered("type", "string", "format", "date-time", "description",
                                "When it happened (RFC 3339): the payload's occurredAt."),
                        "content-type", ordered("type", "string", "const", "application/json"),
                        "traceparent", ordered("type", "string", "pattern",
                                "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", "description", "W3C Trace "
                                + "Context of the send: one alert is one trace across the services. Optional; a "
                                + "record without it starts a new trace.")));
    }

    private static Map<String, Object> deadLetter() {
        return ordered(
                "name", DEAD_LETTER_MESSAGE,
                "title", "A record its consumer could not read or process",
                "summary", "The record as it came, its key, value and headers unchanged, plus the dead-letter "
                        + "headers of SmallRye's dead-letter queue.",
                "headers", ordered(
                        "type", "object",
                        "required", List.of("dead-letter-reason"),
                        "properties", ordered(
                                "dead-letter-reason", ordered("type", "string", "description", "What is missing "
                                        + "or wrong, and where: what to fix before sending the record again."),
                                "dead-letter-cause", ordered("type", "string", "description", "The message of "
                                        + "the failure's cause, when it has one."),
                                "dead-letter-exception-class-name", ordered("type", "string"),
                                "dead-letter-cause-class-name", ordered("type", "string"),
                                "dead-letter-topic", ordered("type", "string", "description", "The topic the "
                                        + "record came from."),
                                "dead-letter-partition", ordered("type", "string", "description", "Its partition "
                                        + "there, in decimal."),
                                "dead-letter-offset", ordered("type", "string", "description", "Its offset there, "
                                        + "in decimal."))),
                "payload", ordered("description", "The original value, whatever it was (perhaps not JSON)."));
    }
}
