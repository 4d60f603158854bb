package io.tributary.monitor.lag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The {@code --json} form of {@code tributary lag}, also served by the status server at /api/lag. */
public final class LagJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LagJson() {
    }

    public static ObjectNode toJson(List<GroupReport> reports) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        for (GroupReport report : reports) {
            ObjectNode group = groups.addObject();
            group.put("group", report.group());
            group.put("status", report.status().name());
            if (report.error() != null) {
                group.put("error", report.error());
            }
            group.put("sum_lag", report.sumLag());
            group.put("max_lag", report.maxLag());
            group.put("max_lag_seconds", report.maxLagSeconds());
            ArrayNode partitions = group.putArray("partitions");
            for (PartitionReport row : report.partitions()) {
                ObjectNode p = partitions.addObject();
                p.put("topic", row.topic());
                p.put("partition", row.partition());
                if (row.committedOffset() >= 0) {
                    p.put("current_offset", row.committedOffset());
                } else {
                    p.putNull("current_offset");
                }
                p.put("log_end_offset", row.logEndOffset());
                p.put("lag", row.lag());
                p.put("lag_seconds", row.lagSeconds());
                p.put("status", row.status().name());
                p.put("consumer_id", row.consumerId());
                p.put("host", row.host());
                p.put("client_id", row.clientId());
            }
        }
        return root;
    }

    public static String render(List<GroupReport> reports) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(reports));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render lag as JSON", e);
        }
    }
}
