package cn.reportarchive;

import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportSummary;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.extract.ExtractionLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The sample archive (all of sample-docs/) imported once in a test run and shared by the integration
 * tests that only read it, instead of each opening an {@link Application} of its own with its own
 * parser processes and importing the same fifteen files again. Its first user makes it; it is closed
 * (parser processes ended, folder deleted) when the run ends.
 *
 * <p>A test that changes an archive (imports, corrections, deletions, accounts, templates) must not use
 * it: the others read it as sample-docs/ and answer-key.json describe it. A test gets it as a parameter
 * of a {@code @BeforeAll} or test method of a class with {@code @ExtendWith(SharedSamples.Resolver.class)}.
 */
public final class SharedSamples implements AutoCloseable {
    public static final Path SAMPLES = Path.of("sample-docs").toAbsolutePath();

    private final Path dir;
    private final Application app;
    private final Map<String, String> idByFile;

    private SharedSamples(Path dir, Application app, Map<String, String> idByFile) {
        this.dir = dir;
        this.app = app;
        this.idByFile = Map.copyOf(idByFile);
    }

    private static SharedSamples open() {
        try {
            Path dir = Files.createTempDirectory("shared-samples-");
            Application app = Application.open(dir, ExtractionLimits.defaults());
            try {
                ImportSummary summary = app.bulkImport().run(BulkImport.plan(List.of(SAMPLES)), ImportMetadata.NONE,
                        o -> { });
                if (!summary.failures().isEmpty()) {
                    throw new IllegalStateException("sample files not imported: " + summary.failures());
                }
                Map<String, String> ids = new HashMap<>();
                for (StoredReport r : app.archive().list(null, null)) {
                    ids.put(r.report().filename(), r.report().id());
                }
                return new SharedSamples(dir, app, ids);
            } catch (Exception | Error e) {
                app.close();
                throw e;
            }
        } catch (Exception e) {
            throw new IllegalStateException("the shared sample archive could not be made", e);
        }
    }

    /** The application over the archive: to read (search, compare, list, serve), never to change. */
    public Application app() {
        return app;
    }

    /** Report ids by the sample file they were imported from. */
    public Map<String, String> idByFile() {
        return idByFile;
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** Gives test methods a {@link SharedSamples} parameter: the run's one instance, kept in the root store. */
    public static final class Resolver implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSamples.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedSamples.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // the root store lives as long as the run and closes what it holds (AutoCloseable) at its end
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedSamples.class, k -> open(), SharedSamples.class);
        }
    }
}
