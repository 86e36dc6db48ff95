package cn.reportarchive.index;

import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * A report to its Lucene documents, one per passage (its title and headings too: see
 * {@link Passages#searchable}), each carrying the report's metadata.
 */
final class PassageDocuments {
    /**
     * The smartcn view: stored (the passage text is stored here only), words with their frequencies but
     * no positions: it only ranks whole-word matches, while runs of characters are found in the pairs.
     */
    private static final FieldType WORDS = words();

    private final FacetsConfig facets;
    private final FieldType words;

    /**
     * {@code legacy}: for an index written before the words view lost its positions, which keeps them
     * until it is rebuilt (the options of a field cannot change within an index).
     */
    PassageDocuments(FacetsConfig facets, boolean legacy) {
        this.facets = facets;
        this.words = legacy ? TextField.TYPE_STORED : WORDS;
    }

    List<Document> of(Report report) throws IOException {
        List<Document> docs = new ArrayList<>();
        int ordinal = 0;
        for (Passages.Piece piece : Passages.searchable(report)) {
            Passage passage = piece.passage();
            Document doc = new Document();
            if (piece.kind() != Passages.Kind.TEXT) { // absent on running text, the bulk of the index
                keyword(doc, Fields.PASSAGE, piece.kind().key());
            }
            doc.add(new StringField(Fields.REPORT_ID, report.id(), Field.Store.YES));
            doc.add(new StringField(Fields.REF, passage.ref().toString(), Field.Store.YES));
            doc.add(new Field(Fields.TEXT, passage.text(), words));
            doc.add(new TextField(Fields.TEXT_GRAMS, passage.text(), Field.Store.NO));
            doc.add(new StoredField(Fields.ORDINAL, ordinal));
            // doc values for a stable order among equal scores, whatever order documents were written in
            doc.add(new NumericDocValuesField(Fields.ORDINAL, ordinal++));
            doc.add(new SortedDocValuesField(Fields.REPORT_ID, new BytesRef(report.id())));
            doc.add(new NumericDocValuesField(Fields.LENGTH, passage.text().length()));
            stored(doc, Fields.TITLE, report.title());
            stored(doc, Fields.HEADING, passage.heading());
            if (report.ocr()) {
                doc.add(new StoredField(Fields.OCR, "1"));
            }
            keyword(doc, Fields.UNIT, report.unit());
            keyword(doc, Fields.AUTHOR, report.author());
            keyword(doc, Fields.KIND, report.kind() == null ? null : report.kind().key());
            keyword(doc, Fields.SECTION, passage.section().key());
            keyword(doc, Fields.ASPECT, passage.aspect());
            if (report.year() != null) {
                int year = report.year();
                doc.add(new IntPoint(Fields.YEAR, year));
                doc.add(new StoredField(Fields.YEAR, year));
                doc.add(new NumericDocValuesField(Fields.YEAR, year));
                doc.add(new SortedSetDocValuesFacetField(Fields.YEAR, String.valueOf(year)));
            }
            facet(doc, Fields.UNIT, report.unit());
            facet(doc, Fields.ASPECT, passage.aspect());
            facet(doc, Fields.SECTION, passage.section().key());
            docs.add(facets.build(doc));
        }
        return docs;
    }

    private static FieldType words() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static void stored(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.YES));
        }
    }

    private static void facet(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(field, value));
        }
    }
}
