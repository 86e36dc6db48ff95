package cn.reportarchive.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The archive's one Jackson configuration, for what it stores (catalog rows, the audit log, backups'
 * manifests, templates), what it answers (the API, the commands' --json) and the request bodies it reads.
 * A package of its own, below every stage, since all of them (auth too) read or write JSON.
 */
public final class JsonMappers {
    private JsonMappers() {
    }

    /**
     * A new mapper: an error message never quotes the text it could not read (a request body can hold a
     * password, a stored row a report's text, and such messages reach the log), and a stored object
     * with a field this version does not know (written by a later one) is read all the same.
     */
    public static ObjectMapper create() {
        return builder().build();
    }

    /** The same, writing indented JSON (the commands' --json, a backup's manifest). */
    public static ObjectMapper pretty() {
        return builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
