package cn.reportarchive.archive;

import cn.reportarchive.parse.Strings;
import cn.reportarchive.extract.PlainTextDecoder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * metadata.csv in a folder of reports: per-file unit, year and author for files that do not
 * say them (columns file,unit,year,author; a header row; UTF-8 or GBK as Excel saves it).
 * What the command line gives still wins over it.
 */
public final class MetadataManifest {
    public static final String FILE_NAME = "metadata.csv";

    private MetadataManifest() {
    }

    /** File name to metadata; a row whose year is not a number is kept with a reason. */
    public static Map<String, Entry> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Map<String, Entry> entries = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        String text = new PlainTextDecoder().decode(Files.readAllBytes(file));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        for (CSVRecord row : format.parse(new StringReader(text))) {
            String name = cell(row, "file");
            if (name == null) {
                continue;
            }
            String yearText = cell(row, "year");
            Integer year = null;
            String problem = null;
            if (yearText != null) {
                try {
                    year = Integer.valueOf(yearText);
                    String yearProblem = ImportMetadata.yearProblem(year);
                    problem = yearProblem == null ? null : FILE_NAME + " 中该文件的" + yearProblem;
                } catch (NumberFormatException e) {
                    problem = FILE_NAME + " 中该文件的年度“" + yearText + "”不是四位数字年份。";
                }
            }
            entries.put(name, new Entry(new ImportMetadata(cell(row, "unit"), year, cell(row, "author")), problem));
        }
        return entries;
    }

    private static String cell(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        return Strings.blankToNull(row.get(column));
    }

    public record Entry(ImportMetadata metadata, String problem) {
    }
}
