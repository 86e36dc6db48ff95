package cn.reportarchive.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A search result as the API and the command line give it: every field of {@link SearchResult},
 * and {@code suggestions}, the corrected queries (您是不是要找) when it found little or nothing.
 */
public record SuggestedResult(@JsonUnwrapped SearchResult result, List<String> suggestions) {
    public SuggestedResult {
        suggestions = List.copyOf(suggestions);
    }
}
