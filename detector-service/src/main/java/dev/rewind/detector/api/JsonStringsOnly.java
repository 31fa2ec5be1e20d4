package dev.rewind.detector.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.rewind.platform.http.NulFreeStrings;
import java.io.IOException;

/**
 * Reads a JSON string and nothing else: Jackson would turn {@code 5} or {@code true} into "5" or "true", and a
 * label value that is not a string is a mistake to report, not to repair (Alertmanager only sends strings). Like
 * every request string, it may not contain a NUL character ({@link NulFreeStrings}).
 */
public class JsonStringsOnly extends StdScalarDeserializer<String> {

    public JsonStringsOnly() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return NulFreeStrings.checked(parser, parser.getText());
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
