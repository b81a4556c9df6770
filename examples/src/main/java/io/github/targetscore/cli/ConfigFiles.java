package io.github.targetscore.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads JSON configs into records strictly: unknown fields, trailing tokens and nulls for
 * primitives are errors, and every error names the file and the JSON path of the field
 * ({@code $.optimiser.learningRate}) with what is wrong with it.
 */
final class ConfigFiles {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ConfigFiles() {
    }

    /** The strict mapper. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code file} as a {@code type}. */
    static <T> T read(Path file, Class<T> type) throws IOException {
        return convert(readTree(file), type, file.toString());
    }

    /** Reads {@code file} as a JSON tree, naming the line and column of a syntax error. */
    static JsonNode readTree(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Binds a JSON tree to {@code type}.
     *
     * @param source names the tree in error messages (a file, a sweep entry)
     */
    static <T> T convert(JsonNode tree, Class<T> type, String source) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new IllegalArgumentException(source + ": " + jsonPath(e) + ": " + message, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
