package io.tributary.producers.web;

import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.faults.FaultTruth;
import io.tributary.producers.faults.SimRun;
import io.tributary.producers.publish.LogPublisher;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Publishes a web simulator's lines (key = site, headers source=web-sim and seq) with optional faults. */
public final class WebRun {
    public static final String SOURCE = "web-sim";

    /** What a run generated and what it published (lines by expected outcome). */
    public record Result(WebTruth web, FaultTruth faults) {
    }

    private WebRun() {
    }

    /** @throws SimRun.RunException if any line could not be published */
    public static Result publish(WebSimulator simulator, LogPublisher publisher, String topic, double linesPerSecond,
                                 FaultSpec faults, Consumer<SimRun.Progress> progress) {
        var web = new AtomicReference<WebTruth>();
        FaultTruth published = SimRun.publish(sink -> web.set(simulator.generate(sink)), publisher, topic, SOURCE,
                faults, new WebMalformedLines(), linesPerSecond, progress);
        return new Result(web.get(), published);
    }
}
