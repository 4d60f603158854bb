package io.tributary.producers.fleet;

import java.util.List;

/** The functions a simulated vehicle calls. At least two, so a call can nest a call of another function. */
public record FunctionCatalogue(List<FunctionProfile> functions) {
    public FunctionCatalogue {
        functions = List.copyOf(functions);
        if (functions.size() < 2) {
            throw new IllegalArgumentException("a catalogue needs at least two functions, got " + functions.size());
        }
        if (functions.stream().map(FunctionProfile::name).distinct().count() != functions.size()) {
            throw new IllegalArgumentException("function names must be unique: " + functions);
        }
    }

    /** Typical autonomous-driving stack functions with plausible latencies. */
    public static FunctionCatalogue standard() {
        return new FunctionCatalogue(List.of(
                new FunctionProfile("lidar_fusion", 0.050, 0.45),
                new FunctionProfile("path_planning", 0.120, 0.60),
                new FunctionProfile("brake_control", 0.005, 0.35),
                new FunctionProfile("camera_capture", 0.033, 0.25),
                new FunctionProfile("localization", 0.020, 0.50),
                new FunctionProfile("object_detection", 0.080, 0.55),
                new FunctionProfile("sensor_sync", 0.002, 0.40),
                new FunctionProfile("telemetry_upload", 0.450, 0.80)));
    }

    public int size() {
        return functions.size();
    }

    public FunctionProfile get(int index) {
        return functions.get(index);
    }
}
