package cn.reportarchive.index;

import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of passages. {@link #commit()} makes changes durable and visible at once;
 * {@link #commitQuietly()} makes them durable only, and {@link #publish()} shows them later, so that
 * the archive can show a report only once its catalog row exists too.
 */
public final class ReportIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportIndex.class);
    /**
     * Passages shortest first within each segment. BM25 favours short passages, so the best hits of a
     * broad query come early and block-max WAND skips most of the rest instead of scoring every match.
     */
    static final Sort PASSAGE_ORDER = new Sort(new SortField(Fields.LENGTH, SortField.Type.INT));

    /**
     * The commit data key of the index format. Format 2 indexes titles and headings as passages of their
     * own; format 3 adds the triples of the pair view (HanRunGramFilter), which a typed run of three or
     * more characters is searched by. An index without the key (or of another format) lacks them and is
     * rebuilt when the archive opens (see {@link #current()}).
     */
    static final String FORMAT_KEY = "passages.format";
    static final String FORMAT = "3";

    private final Directory directory;
    /** Whether the last commit is of {@link #FORMAT}; set once the index is emptied for a rebuild. */
    private volatile boolean current;
    private final Analyzer analyzer;
    /** Replaced only by {@link #removeAll()}, when an index in the earlier format is rebuilt. */
    private volatile IndexWriter writer;
    private volatile PassageDocuments documents;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = new FacetsConfig();

    public ReportIndex(Path dir, Analyzer analyzer) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.analyzer = analyzer;
        boolean earlier = writtenUnsorted(directory);
        if (earlier) {
            LOG.warn("索引是旧版格式（段落未按长度排序，占用空间较大），检索较慢；运行 reindex 可重建为新格式。");
        }
        this.writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND,
                earlier ? null : PASSAGE_ORDER));
        this.documents = new PassageDocuments(facetsConfig, earlier);
        if (!DirectoryReader.indexExists(directory)) {
            markCurrent();
            writer.commit();
        } else {
            current = FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
        }
        // Searchers read the last commit only, never the writer's work in progress.
        this.searchers = new SearcherManager(directory, null);
    }

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode, Sort order) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                // stored passages in LZ4, not deflated: inflating the twenty hits of a page was 4 of a search's
                // 6 ms of CPU (timed by stage at 10,000 reports; deflate runs in native code, which the JFR
                // profile did not show), against 0.6-1.0 ms in LZ4, for an index about a third larger.
                // Segments written deflated stay readable; they turn LZ4 when merged or rebuilt (reindex).
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
                // fewer, larger segments while a bulk import runs; the heap stays small at 64 MB
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        return order == null ? config : config.setIndexSort(order);
    }

    /**
     * An index in the earlier format: passages not ordered by length (its segments cannot take the
     * order) and positions kept for the words view.
     */
    private static boolean writtenUnsorted(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
            if (segment.info.getIndexSort() == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether the index is in the current format, passages in {@link #PASSAGE_ORDER} (false for an earlier one, until reindexed). */
    public boolean ordered() {
        return writer.getConfig().getIndexSort() != null;
    }

    /**
     * Whether the index is of the current format (titles and headings searchable). An index written by an
     * earlier version is not, until it is emptied with {@link #removeAll()} and filled again.
     */
    public boolean current() {
        return current;
    }

    private void markCurrent() {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        current = true;
    }

    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    /** Replaces the report's passages; not visible before {@link #commit()}. */
    public void put(Report report) throws IOException {
        writer.updateDocuments(new Term(Fields.REPORT_ID, report.id()), documents.of(report));
    }

    public void remove(String reportId) throws IOException {
        writer.deleteDocuments(new Term(Fields.REPORT_ID, reportId));
    }

    /**
     * Empties the index for a rebuild; not visible before {@link #commit()}. An index in the earlier
     * format is started afresh in the current one, its last commit still served until the next one.
     */
    public void removeAll() throws IOException {
        if (ordered()) {
            writer.deleteAll();
            markCurrent();
            return;
        }
        writer.rollback();
        writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE, PASSAGE_ORDER));
        documents = new PassageDocuments(facetsConfig, false);
        markCurrent();
    }

    /** Makes every change since the last commit durable and visible, at once. */
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes every change durable without showing it to searchers yet. */
    public void commitQuietly() throws IOException {
        writer.commit();
    }

    /** Segments in the last commit. */
    public int segments() throws IOException {
        return SegmentInfos.readLatestCommit(directory).size();
    }

    /**
     * Merges the segments into one, for a search that then walks one list of postings per term and
     * counts facets over one set of arrays (at 100,000 reports: 20 segments to 1 took a query from 16 to
     * 11 ms, BENCHMARKS.md). Changes nothing a searcher sees, so the merge runs beside searches and
     * writes; the merged segments reach searchers with the next commit (see {@link #commit()}). A
     * merge rewrites the whole index: meant for the end of a bulk import or a rebuild, not for one file.
     */
    public void merge() throws IOException {
        writer.forceMerge(1);
    }

    /** Shows searchers the last commit. */
    public void publish() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** The generation of the last commit: it changes with every commit, and starts again with a new index. */
    public long generation() throws IOException {
        return SegmentInfos.readLatestCommit(directory).getGeneration();
    }

    /** Passages, segments and format of the last commit, in a line (for benchmarks). */
    public String describe() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            return String.format(Locale.ROOT, "%,d passages in %d segments, %s format", reader.numDocs(),
                    reader.leaves().size(), ordered() ? "current" : "earlier (unordered)");
        } finally {
            searchers.release(searcher);
        }
    }

    /** The ids of every report with passages in the last commit. */
    public Set<String> reportIds() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return reportIds(searcher.getIndexReader());
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The report ids of the index's last commit, read without a writer: beside a process that holds
     * the index (verify while serve runs). An index never committed has none.
     */
    public static Set<String> reportIdsAt(Path dir) throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Set.of();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return reportIds(reader);
            }
        }
    }

    private static Set<String> reportIds(IndexReader reader) throws IOException {
        Set<String> ids = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(Fields.REPORT_ID);
            if (terms == null) {
                continue;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                if (it.docFreq() > 0 && hasLiveDoc(leaf, it)) {
                    ids.add(term.utf8ToString());
                }
            }
        }
        return ids;
    }

    private static boolean hasLiveDoc(LeafReaderContext leaf, TermsEnum it) throws IOException {
        Bits live = leaf.reader().getLiveDocs();
        PostingsEnum postings = it.postings(null, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
                return true;
            }
        }
        return false;
    }

    /** A searcher over the last commit; give it back with {@link #release}. */
    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback(); // uncommitted changes are not wanted: commits are explicit
        directory.close();
    }
}
