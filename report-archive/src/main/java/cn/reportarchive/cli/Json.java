package cn.reportarchive.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON as the commands print it: one mapper, pretty or one line. */
final class Json {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    private Json() {
    }

    static String pretty(Object value) throws JsonProcessingException {
        return PRETTY.writeValueAsString(value);
    }

    static String line(Object value) throws JsonProcessingException {
        return LINE.writeValueAsString(value);
    }
}
