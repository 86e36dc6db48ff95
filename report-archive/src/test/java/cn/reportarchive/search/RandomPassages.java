package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;

/**
 * A random index for the search's own walks and counts: 600 passages of one to six random words (many
 * equal scores), a year among three, in several segments, every seventh of the first 300 deleted.
 */
final class RandomPassages {
    static final String TEXT = "text";
    static final String YEAR = "year";

    private RandomPassages() {
    }

    static IndexSearcher open(Directory dir, long seed, String[] words) throws Exception {
        Random random = new Random(seed);
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                .setMaxBufferedDocs(50))) {
            for (int i = 0; i < 600; i++) {
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(6);
                for (int w = 0; w < length; w++) {
                    text.append(words[random.nextInt(words.length)]).append(' ');
                }
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
                doc.add(new NumericDocValuesField(YEAR, 2021 + random.nextInt(3)));
                writer.addDocument(doc);
            }
            for (int i = 0; i < 300; i += 7) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        assertTrue(reader.leaves().size() > 1, "several segments");
        assertTrue(reader.hasDeletions());
        return new IndexSearcher(reader);
    }
}
