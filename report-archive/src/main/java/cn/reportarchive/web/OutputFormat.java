package cn.reportarchive.web;

import cn.reportarchive.parse.Keyed;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a view answers with (?format=): its JSON, or a file: .xlsx, .csv or .docx. */
enum OutputFormat implements Keyed {
    JSON("json", "application/json"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=utf-8"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String key;
    private final String mediaType;

    OutputFormat(String key, String mediaType) {
        this.key = key;
        this.mediaType = mediaType;
    }

    @Override
    public String key() {
        return key;
    }

    String mediaType() {
        return mediaType;
    }

    /** The format asked for ({@code fallback} when none); one the view does not offer is a 400 that names those it does. */
    static OutputFormat parse(String value, OutputFormat fallback, Set<OutputFormat> offered) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Optional<OutputFormat> f = Keyed.find(values(), value.strip().toLowerCase(java.util.Locale.ROOT));
        if (f.isPresent() && offered.contains(f.get())) {
            return f.get();
        }
        String names = offered.stream().sorted().map(OutputFormat::key).collect(Collectors.joining("、"));
        throw new ApiError(400, "format 只能是 " + names + " 之一。");
    }
}
