package cn.reportarchive.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plain text as offices save it: mostly UTF-8, some with a byte-order mark, a good share in
 * GB18030 (Windows "ANSI"), Windows or Unix line ends, blank lines between paragraphs or not,
 * first lines indented with full-width spaces now and then.
 */
final class TxtWriter implements ReportWriter {
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public String write(Path file, List<Layout.Para> paras, GenReport rep, Rng r) throws IOException {
        int enc = r.weighted(70, 10, 20);
        String eol = r.chance(0.4) ? "\r\n" : "\n";
        boolean blankLines = r.chance(0.3);
        boolean indent = r.chance(0.2);
        boolean quoteSpaces = r.chance(0.1);
        StringBuilder text = new StringBuilder(8192);
        for (Layout.Para p : paras) {
            String line = quoteSpaces ? Quirks.quoteSpaces(p.text(), r) : p.text();
            if (indent && p.kind() == Layout.Kind.BODY) {
                text.append("\u3000\u3000");
            }
            text.append(line).append(eol);
            if (blankLines) {
                text.append(eol);
            }
        }
        Charset cs = enc == 2 ? GB18030 : StandardCharsets.UTF_8;
        byte[] bytes = text.toString().getBytes(cs);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (enc == 1) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(bytes);
        }
        return enc == 2 ? "GB18030" : enc == 1 ? "UTF-8-BOM" : "UTF-8";
    }
}
