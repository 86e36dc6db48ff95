package cn.reportarchive.search;

import cn.reportarchive.index.Fields;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;

/**
 * The report id of a passage by its number in the segment's sorted doc values, each id decoded once
 * per segment and kept while the segment lives. Decoding an id reads and decompresses a block of the
 * doc values' terms dictionary; the 200 hits of a ranked window did that once each per search, a
 * twelfth of a search's time (issue 16 item 5). An id costs a reference and its string, so a segment
 * keeps at most one per report it holds.
 */
final class ReportIds {
    private final Map<IndexReader.CacheKey, AtomicReferenceArray<String>> segments = new ConcurrentHashMap<>();

    /** A segment's ids: {@link Segment#of} for each passage, read through one doc values iterator. */
    Segment segment(LeafReader reader) throws IOException {
        SortedDocValues values = DocValues.getSorted(reader, Fields.REPORT_ID);
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        AtomicReferenceArray<String> names;
        if (helper == null) {
            names = new AtomicReferenceArray<>(values.getValueCount());
        } else {
            names = segments.get(helper.getKey());
            if (names == null) {
                names = new AtomicReferenceArray<>(values.getValueCount());
                if (segments.putIfAbsent(helper.getKey(), names) == null) {
                    helper.addClosedListener(segments::remove);
                } else {
                    names = segments.get(helper.getKey());
                }
            }
        }
        return new Segment(values, names);
    }

    /** One search's reader of a segment's ids, for documents in increasing order. */
    static final class Segment {
        private final SortedDocValues values;
        private final AtomicReferenceArray<String> names;

        private Segment(SortedDocValues values, AtomicReferenceArray<String> names) {
            this.values = values;
            this.names = names;
        }

        /** The report id of a document of the segment, "" if it has none. */
        String of(int doc) throws IOException {
            if (!values.advanceExact(doc)) {
                return "";
            }
            int ord = values.ordValue();
            String name = names.get(ord);
            if (name == null) {
                name = values.lookupOrd(ord).utf8ToString();
                names.set(ord, name); // the same string whoever decodes it first
            }
            return name;
        }
    }
}
