package cn.reportarchive.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** The heap as the benchmarks report it: live after a full collection, and the peak of the run. */
final class Heap {
    private Heap() {
    }

    static String describe() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format(Locale.ROOT, "heap: %d MB live after GC, %d MB peak (sum of pool peaks)", used >> 20, peak >> 20);
    }
}
