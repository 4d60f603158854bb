package io.tributary.monitor.lag;

import java.util.List;

/** The text table of {@code tributary lag}: kafka-consumer-groups --describe's columns plus LAG-SECONDS and STATUS. */
public final class LagTable {
    private static final String FORMAT = "%-32s %-20s %9s %14s %14s %10s %11s %-6s %-40s %-16s %s%n";

    private LagTable() {
    }

    public static String render(List<GroupReport> reports) {
        var out = new StringBuilder();
        out.append(String.format(FORMAT, "GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG",
                "LAG-SECONDS", "STATUS", "CONSUMER-ID", "HOST", "CLIENT-ID"));
        for (GroupReport report : reports) {
            if (report.error() != null) {
                out.append(String.format("%-32s %s: %s%n", report.group(), report.status(), report.error()));
                continue;
            }
            for (PartitionReport row : report.partitions()) {
                out.append(String.format(FORMAT, row.group(), row.topic(), row.partition(),
                        row.committedOffset() < 0 ? "-" : Long.toString(row.committedOffset()), row.logEndOffset(),
                        row.committedOffset() < 0 ? "-" : Long.toString(row.lag()),
                        String.format("%.1f", row.lagSeconds()), row.status(), row.consumerId(), row.host(),
                        row.clientId()));
            }
            out.append(String.format("%-32s group status %s, total lag %d, max lag %.1f s%n", report.group(),
                    report.status(), report.sumLag(), report.maxLagSeconds()));
        }
        return out.toString();
    }
}
