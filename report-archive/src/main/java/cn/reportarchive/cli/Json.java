package cn.reportarchive.cli;

import cn.reportarchive.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON as the commands print it: one mapper, pretty or one line. */
final class Json {
    private static final ObjectMapper PRETTY = JsonMappers.pretty();
    private static final ObjectMapper LINE = JsonMappers.create();

    private Json() {
    }

    static String pretty(Object value) throws JsonProcessingException {
        return PRETTY.writeValueAsString(value);
    }

    static String line(Object value) throws JsonProcessingException {
        return LINE.writeValueAsString(value);
    }
}
