package io.github.targetscore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The command line's JSON: parameter values given as JSON literals, and summary files. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /**
     * Parses a parameter value: a JSON literal ({@code 13}, {@code 0.5}, {@code true},
     * {@code [[0,0],[1,1]]}, {@code "text"}), or the text itself when it is not JSON (a bare
     * word such as {@code unordered}).
     */
    static Object parseLiteral(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }

    /** A value as a one-line JSON literal, as {@code -p} accepts it. */
    static String literal(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a value of the given type from a JSON file. */
    static <T> T read(Path file, com.fasterxml.jackson.core.type.TypeReference<T> type)
            throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }

    /** Writes {@code value} as indented JSON to {@code file}, atomically. */
    static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, value));
    }
}
