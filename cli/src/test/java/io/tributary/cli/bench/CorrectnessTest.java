package io.tributary.cli.bench;

import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.web.WebTruth;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorrectnessTest {
    private static final FleetTruth FLEET = new FleetTruth(20, 10, Map.of("brake_check", 4L, "lidar_fusion", 6L),
            Map.of(0, 10L), 0, List.of());
    private static final WebTruth WEB = new WebTruth(7, Map.of("hotels-east", 3L, "hotels-north", 4L), 2, 0, 1, 3, 1, 1,
            1, 0);

    @Test
    void theGroundTruthPinsRowsPerTableFunctionSiteStatusAndSessions() {
        Map<String, Long> expected = Correctness.expected(FLEET, WEB);

        assertThat(expected).containsExactly(
                Map.entry("dead letters", 0L),
                Map.entry("quarantined events", 0L),
                Map.entry("log_functions_analysis rows", 10L),
                Map.entry("calls of brake_check", 4L),
                Map.entry("calls of lidar_fusion", 6L),
                Map.entry("web_requests rows", 7L),
                Map.entry("requests of hotels-east", 3L),
                Map.entry("requests of hotels-north", 4L),
                Map.entry("web_requests 4xx", 1L),
                Map.entry("web_requests 5xx", 1L),
                Map.entry("web_sessions requests (sum of request_count)", 7L));
    }

    @Test
    void aWarehouseThatMatchesPassesEveryCheck() {
        Map<String, Long> expected = Correctness.expected(FLEET, WEB);

        var checks = Correctness.compare(expected, new LinkedHashMap<>(expected));

        assertThat(checks).hasSize(expected.size()).allMatch(BenchResult.Check::ok);
        assertThat(Correctness.allOk(checks)).isTrue();
    }

    @Test
    void aMissingRowAnUnknownFunctionAndADeadLetterEachFailTheirCheck() {
        Map<String, Long> expected = Correctness.expected(FLEET, WEB);
        Map<String, Long> observed = new LinkedHashMap<>(expected);
        observed.put("dead letters", 1L);
        observed.put("log_functions_analysis rows", 11L);
        observed.remove("calls of brake_check");
        observed.put("calls of ghost", 1L);

        var checks = Correctness.compare(expected, observed);

        assertThat(checks).filteredOn(c -> !c.ok()).containsExactlyInAnyOrder(
                new BenchResult.Check("dead letters", 0, 1, false),
                new BenchResult.Check("log_functions_analysis rows", 10, 11, false),
                new BenchResult.Check("calls of brake_check", 4, 0, false),
                new BenchResult.Check("calls of ghost", 0, 1, false));
        assertThat(Correctness.allOk(checks)).isFalse();
    }
}
