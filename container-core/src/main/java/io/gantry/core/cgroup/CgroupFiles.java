package io.gantry.core.cgroup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parsing of the small text formats cgroup files share across both hierarchies. */
final class CgroupFiles {

    private CgroupFiles() {
    }

    /** {@code key value} lines (memory.stat, cpu.stat, cpuacct.stat); lines of another shape are skipped. */
    static Map<String, Long> keyedLongs(String text) {
        Map<String, Long> values = new HashMap<>();
        for (String line : text.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2) {
                try {
                    values.put(f[0], Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    // not a counter
                }
            }
        }
        return values;
    }

    /** Whitespace-separated numbers (cpuacct.usage_percpu). */
    static List<Long> longs(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : Arrays.stream(t.split("\\s+")).map(Long::parseLong).toList();
    }

    /** A limit file: {@code max} is no limit (0 here). */
    static long limit(String text) {
        String t = text.strip();
        return t.equals("max") ? 0 : Long.parseLong(t);
    }
}
