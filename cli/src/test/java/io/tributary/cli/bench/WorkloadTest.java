package io.tributary.cli.bench;

import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.web.WebSimulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void rawBytesAreTheUtf8BytesOfEveryLineAndEventTimesEndBeforeNow() {
        Workload w = Workload.of(new WorkloadPlan(2_000, 500), Mix.even(), 7, 5, NOW);

        var vehicleBytes = new AtomicLong();
        var lastVehicle = new AtomicLong();
        new FleetSimulator(w.fleet()).generate(l -> {
            vehicleBytes.addAndGet(l.line().getBytes(StandardCharsets.UTF_8).length);
            lastVehicle.set(Math.max(lastVehicle.get(), l.epochMicros()));
        });
        var webBytes = new AtomicLong();
        var lastWeb = new AtomicLong();
        var webTruth = new WebSimulator(w.web()).generate(l -> {
            webBytes.addAndGet(l.line().getBytes(StandardCharsets.UTF_8).length);
            lastWeb.set(Math.max(lastWeb.get(), l.epochMicros()));
        });

        assertThat(w.vehicleBytes()).isEqualTo(vehicleBytes.get());
        assertThat(w.webBytes()).isEqualTo(webBytes.get());
        assertThat(webTruth.lines()).isEqualTo(500);
        assertThat(w.lines()).isEqualTo(2_500);
        // the stream processors reject event times ahead of their clock: the workload ends before the run starts
        long endMicros = (NOW.getEpochSecond() - Workload.END_BEFORE_NOW.toSeconds()) * 1_000_000L;
        assertThat(lastVehicle.get()).isLessThanOrEqualTo(endMicros).isGreaterThan(endMicros - 5_000_000L);
        assertThat(lastWeb.get()).isLessThanOrEqualTo(endMicros).isGreaterThan(endMicros - 5_000_000L);
    }

    @Test
    void meanLineSizesComeFromASampleWithTheSameSeed() {
        double[] mean = Workload.meanLineBytes(42, 50);

        assertThat(mean[0]).isBetween(30.0, 60.0);
        assertThat(mean[1]).isBetween(150.0, 300.0);
        assertThat(Workload.meanLineBytes(42, 50)).containsExactly(mean);
    }

    @Test
    void utf8LengthCountsMultiByteCharacters() {
        for (String s : new String[] {"abc", "café", "日本", "a😀b", ""}) {
            assertThat(Workload.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
