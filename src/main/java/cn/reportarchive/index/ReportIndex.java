package cn.reportarchive.index;

import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of passages. {@link #commit()} makes changes durable and visible at once;
 * {@link #commitQuietly()} makes them durable only, and {@link #publish()} shows them later, so that
 * the archive can show a report only once its catalog row exists too.
 */
public final class ReportIndex implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final PassageDocuments documents = new PassageDocuments(facetsConfig);
    public ReportIndex(Path dir, Analyzer analyzer) throws IOException {
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // fewer, larger segments while a bulk import runs; the heap stays small at 64 MB
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        this.writer = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        // Searchers read the last commit only, never the writer's work in progress.
        this.searchers = new SearcherManager(directory, null);
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

    public void removeAll() throws IOException {
        writer.deleteAll();
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

    /** Shows searchers the last commit. */
    public void publish() throws IOException {
        searchers.maybeRefreshBlocking();
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
