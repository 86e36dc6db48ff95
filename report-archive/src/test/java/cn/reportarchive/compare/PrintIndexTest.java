package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory-mapped fingerprint file answers as the texts it was written from, with texts added and removed beside it. */
class PrintIndexTest {
    @TempDir
    Path tmp;

    @Test
    void lookupsFindEveryHolderInTheFileAndBesideIt() throws Exception {
        Random rnd = new Random(5);
        long[] shared = new long[50];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = rnd.nextLong();
        }
        List<long[]> texts = new ArrayList<>();
        for (int d = 0; d < 300; d++) {
            long[] e = new long[200];
            for (int i = 0; i < e.length; i++) {
                long h = i < 20 ? shared[rnd.nextInt(shared.length)] : rnd.nextLong();
                e[i] = PrintIndex.entry(h, i % 7);
            }
            texts.add(e);
        }
        Path file = tmp.resolve("p.prints");
        PrintIndex.write(file, each -> {
            for (int d = 0; d < 250; d++) {
                each.accept(d, texts.get(d));
            }
        });
        PrintIndex index = PrintIndex.open(file);
        for (int d = 250; d < 300; d++) {
            index.add(d, texts.get(d));
        }
        index.remove(3);
        index.remove(260);
        for (long h : shared) {
            List<Long> expected = new ArrayList<>();
            for (int d = 0; d < 300; d++) {
                for (long e : texts.get(d)) {
                    if (PrintIndex.hashOf(e) == PrintIndex.hashOf(h) && d != 3 && d != 260) {
                        expected.add(e | ((long) d << PrintIndex.PIECE_BITS));
                    }
                }
            }
            long[] want = expected.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] got = index.holders(h).clone();
            Arrays.sort(got);
            assertArrayEquals(want, got);
        }
    }
}
