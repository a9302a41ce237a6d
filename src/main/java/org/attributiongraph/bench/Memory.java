package org.attributiongraph.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process used: peak resident set (the kernel's high-water mark) and peak heap. */
final class Memory {

    private Memory() {
    }

    /** VmHWM of /proc/self/status in MiB; -1 where there is no such file (not Linux). */
    static long peakRssMb() {
        return peakRssMb(Path.of("/proc/self/status"));
    }

    /** VmHWM of a process's {@code /proc/<pid>/status} in MiB; -1 where there is no such file. */
    static long peakRssMb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The sum of the heap pools' peak usage since start, in MiB (an upper bound of the peak heap in use). */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    static long heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    static long heapMaxMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024);
    }
}
