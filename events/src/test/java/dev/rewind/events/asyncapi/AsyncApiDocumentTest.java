package dev.rewind.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/asyncapi.yaml cannot drift from the events module: it is exactly what AsyncApiDocument generates, and,
 * read on its own, it names every topic, dead-letter topic and CloudEvents type of the code and no other, its payload
 * schemas have exactly the records' components (nested records too), and the golden fixtures validate against them.
 */
class AsyncApiDocumentTest {

    private static final JsonNode DOCUMENT = AsyncApiDocument.read(writtenIfAskedThenCheckedIn());

    static Stream<Arguments> everyEventType() {
        return Topics.ALL.stream().flatMap(topic -> topic.types().stream().map(type -> Arguments.of(topic, type)));
    }

    @Test
    void theCheckedInDocumentIsTheOneGeneratedFromTheEventsModule() {
        List<String> generated = AsyncApiDocument.yaml().lines().toList();
        List<String> checkedIn = checkedIn().lines().toList();

        for (int line = 0; line < Math.max(generated.size(), checkedIn.size()); line++) {
            String expected = line < generated.size() ? generated.get(line) : "(end of file)";
            String actual = line < checkedIn.size() ? checkedIn.get(line) : "(end of file)";
            if (!expected.equals(actual)) {
                fail("docs/asyncapi.yaml is not what the events module says; line %d is%n  %s%nbut the code makes%n"
                        + "  %s%nRegenerate it with `%s` and review the diff", line + 1, actual, expected,
                        AsyncApiDocument.REGENERATE);
            }
        }
    }

    @Test
    void itNamesEveryTopicAndDeadLetterTopicOfTheCodeAndNoOther() {
        List<String> expected = new ArrayList<>();
        Topics.ALL.forEach(topic -> expected.addAll(List.of(topic.name(), topic.deadLetterTopic())));

        assertThat(DOCUMENT.at("/asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOCUMENT.get("channels").findValuesAsText("address"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void eachTopicCarriesExactlyItsCloudEventsTypes() {
        for (Topic<?> topic : Topics.ALL) {
            JsonNode channel = channelOf(topic.name());
            List<String> types = names(channel.get("messages")).stream()
                    .map(id -> ceType(message(channel.at("/messages/" + id))))
                    .toList();

            assertThat(types).as(topic.name()).containsExactlyInAnyOrderElementsOf(topic.types());
            assertThat(names(channelOf(topic.deadLetterTopic()).get("messages")))
                    .containsExactly(AsyncApiDocument.DEAD_LETTER_MESSAGE);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEventType")
    void eachPayloadSchemaHasExactlyTheRecordsComponentsNestedRecordsToo(Topic<?> topic, String type) {
        JsonNode message = messageOfType(topic, type);

        assertThat(message.at("/bindings/kafka/key/$ref").asText())
                .isEqualTo(PayloadSchemas.REF_PREFIX + TargetKey.class.getSimpleName());
        assertSchemaMatches(schema(message.get("payload")), topic.classOf(type), type);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEventType")
    void theGoldenFixtureValidatesAndEachRequiredPropertyIsOneTheReaderCannotDoWithout(Topic<?> topic,
                                                                                      String type) throws Exception {
        JsonSchema schema = validator(messageOfType(topic, type).get("payload"));
        ObjectNode fixture = (ObjectNode) EventJson.mapper().readTree(EventFixtures.json(type));

        assertThat(schema.validate(fixture)).as(type).isEmpty();
        for (JsonNode required : schema(messageOfType(topic, type).get("payload")).path("required")) {
            ObjectNode without = fixture.deepCopy();
            without.remove(required.asText());
            Set<ValidationMessage> errors = schema.validate(without);
            assertThat(errors).as("%s without %s", type, required.asText()).isNotEmpty();
            assertThat(parses(topic, type, without)).as("the reader takes %s without %s", type, required.asText())
                    .isFalse();
        }
    }

    /** Compares a schema's properties with a record's components, and recurses into nested records. */
    private static void assertSchemaMatches(JsonNode schema, Class<?> record, String where) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(names(schema.get("properties"))).as(where).containsExactlyElementsOf(components);
        assertThat(components).as(where + " required").containsAll(texts(schema.path("required")));
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> nested = component.getType();
            JsonNode property = schema.at("/properties/" + component.getName());
            if (List.class.isAssignableFrom(nested)
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                nested = element;
                property = property.get("items");
            }
            if (nested.isRecord() && nested != TargetKey.class) {
                assertSchemaMatches(schema(property), nested, where + "." + component.getName());
            }
        }
    }

    private static JsonNode messageOfType(Topic<?> topic, String type) {
        JsonNode channel = channelOf(topic.name());
        return names(channel.get("messages")).stream().map(id -> message(channel.at("/messages/" + id)))
                .filter(message -> ceType(message).equals(type))
                .findFirst().orElseThrow(() -> new AssertionError(type + " is not among " + topic.name()
                        + "'s messages in docs/asyncapi.yaml"));
    }

    /** The CloudEvents type a message's headers fix; it also has the common headers. */
    private static String ceType(JsonNode message) {
        JsonNode headers = message.get("headers");
        assertThat(headers.findValuesAsText("$ref")).as("%s's headers", message.path("name").asText())
                .contains(PayloadSchemas.REF_PREFIX + AsyncApiDocument.HEADERS_SCHEMA);
        return headers.findValues("ce_type").stream().filter(node -> node.has("const")).findFirst()
                .map(node -> node.get("const").asText()).orElse("(none)");
    }

    private static JsonNode channelOf(String address) {
        return StreamSupport.stream(DOCUMENT.get("channels").spliterator(), false)
                .filter(channel -> channel.path("address").asText().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private static JsonNode message(JsonNode reference) {
        return resolve(reference);
    }

    /** Follows $ref and single-entry allOf wrappers to the schema itself. */
    private static JsonNode schema(JsonNode node) {
        JsonNode resolved = resolve(node);
        while (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
            resolved = resolve(resolved.get("allOf").get(0));
        }
        return resolved;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            resolved = DOCUMENT.at(ref.substring(1));
            assertThat(resolved.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return resolved;
    }

    /** A validator of {@code payload} that resolves references against the document's components. */
    private static JsonSchema validator(JsonNode payload) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("allOf").add(payload);
        root.set("components", DOCUMENT.get("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
    }

    private static boolean parses(Topic<?> topic, String type, JsonNode json) {
        try {
            topic.parse(type, json.toString());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    /** With -Drewind.asyncapi.write=true, the document is generated before the tests read it. */
    private static String writtenIfAskedThenCheckedIn() {
        if (Boolean.getBoolean("rewind.asyncapi.write")) {
            try {
                Files.writeString(AsyncApiDocument.FILE, AsyncApiDocument.yaml());
            } catch (IOException e) {
                throw new AssertionError("cannot write " + AsyncApiDocument.FILE.toAbsolutePath(), e);
            }
        }
        return checkedIn();
    }

    private static String checkedIn() {
        try {
            return Files.readString(AsyncApiDocument.FILE);
        } catch (IOException e) {
            throw new AssertionError("docs/asyncapi.yaml is missing: generate it with `" + AsyncApiDocument.REGENERATE
                    + "`", e);
        }
    }
}
