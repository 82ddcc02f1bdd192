package heapscope.app.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a V8 inspector sends, with Jackson's streaming parser: the HTTP endpoints' documents ({@code /json/list},
 * {@code /json/version}) and the DevTools protocol's messages. Stateless.
 */
final class InspectorJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private InspectorJson() {
    }

    /**
     * One message of the DevTools protocol: a response ({@code id} ≥ 0, with {@code error} set when it failed) or an
     * event ({@code method}, with the parameters Heapscope reads: a snapshot chunk and the snapshot progress).
     */
    record Message(long id, String method, String error, String chunk, long done, long total) {
        boolean isResponse() {
            return id >= 0;
        }
    }

    static Message message(String text) throws IOException {
        long id = -1;
        String method = null;
        String error = null;
        String chunk = null;
        long done = 0;
        long total = 0;
        try (JsonParser json = FACTORY.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, text);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id" -> id = json.getLongValue();
                    case "method" -> method = json.getText();
                    case "error" -> error = value == JsonToken.START_OBJECT ? strings(json).get("message")
                            : json.getText();
                    case "params" -> {
                        expect(value, JsonToken.START_OBJECT, text);
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String param = json.currentName();
                            JsonToken paramValue = json.nextToken();
                            switch (param) {
                                case "chunk" -> chunk = json.getText();
                                case "done" -> done = json.getLongValue();
                                case "total" -> total = json.getLongValue();
                                default -> skip(json, paramValue);
                            }
                        }
                    }
                    default -> skip(json, value);
                }
            }
        }
        return new Message(id, method, error, chunk, done, total);
    }

    /** A document that is one object: its string and number fields as text (nested values are left out). */
    static Map<String, String> object(String text) throws IOException {
        try (JsonParser json = FACTORY.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, text);
            return strings(json);
        }
    }

    /** A document that is an array of objects, as {@code /json/list} is. */
    static List<Map<String, String>> objects(String text) throws IOException {
        List<Map<String, String>> objects = new ArrayList<>();
        try (JsonParser json = FACTORY.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_ARRAY, text);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                objects.add(strings(json));
            }
        }
        return objects;
    }

    /** Reads the object whose START_OBJECT was just read, up to its END_OBJECT. */
    private static Map<String, String> strings(JsonParser json) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value.isScalarValue()) {
                fields.put(field, json.getText());
            } else {
                json.skipChildren();
            }
        }
        return fields;
    }

    private static void skip(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            json.skipChildren();
        }
    }

    private static void expect(JsonToken actual, JsonToken wanted, String text) throws IOException {
        if (actual != wanted) {
            String start = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            throw new IOException("not an inspector's JSON: " + start);
        }
    }
}
