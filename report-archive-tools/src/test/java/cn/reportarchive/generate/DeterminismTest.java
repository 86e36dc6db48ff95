package cn.reportarchive.generate;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives the same archive, byte for byte; another seed another archive. */
@Tag("integration")
class DeterminismTest {
    @TempDir
    Path tmp;

    private GeneratedArchive run(String name, long seed) throws IOException {
        Path dir = tmp.resolve(name);
        return GeneratedArchive.generate(dir, GeneratorOptions.of(dir, 80, seed)
                .withFormats(FormatMix.parse("txt=60,docx=30,pdf=10")).withYears(2016, 2024).withCopyRate(0.05));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        GeneratedArchive a = run("a", 42);
        GeneratedArchive b = run("b", 42);
        List<Path> fa = files(a.dir);
        assertEquals(fa, files(b.dir));
        assertTrue(fa.stream().filter(p -> p.toString().endsWith(".txt")).count() > 30);
        for (Path p : fa) {
            // text byte for byte, and Word and PDF files too (fixed zip times, fixed PDF ids and dates)
            assertArrayEquals(Files.readAllBytes(a.dir.resolve(p)), Files.readAllBytes(b.dir.resolve(p)), p.toString());
        }
        assertEquals(Files.readString(a.dir.resolve("ground-truth.jsonl")),
                Files.readString(b.dir.resolve("ground-truth.jsonl")));
    }

    @Test
    void anotherSeedAnotherArchive() throws IOException {
        GeneratedArchive a = run("a", 42);
        GeneratedArchive c = run("c", 43);
        assertNotEquals(Files.readString(a.dir.resolve("ground-truth.jsonl")),
                Files.readString(c.dir.resolve("ground-truth.jsonl")));
        int same = 0;
        int compared = 0;
        for (Path p : files(a.dir)) {
            Path other = c.dir.resolve(p);
            if (p.toString().endsWith(".txt") && Files.exists(other)) {
                compared++;
                if (java.util.Arrays.equals(Files.readAllBytes(a.dir.resolve(p)), Files.readAllBytes(other))) {
                    same++;
                }
            }
        }
        assertTrue(compared > 0);
        assertEquals(0, same, same + " of " + compared + " text files identical across seeds");
    }
}
