package cn.reportarchive.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample report in every format, from src/test/resources/formats on the classpath. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] format(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /formats/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TikaExtractor defaultExtractor() {
        return new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer());
    }
}
