package io.tributary.producers.fleet;

import java.util.Objects;

/**
 * A vehicle software function and its call duration: log-normal with the given median and sigma (of the log),
 * a shape real latency distributions tend to have (most calls near the median, a long right tail).
 */
public record FunctionProfile(String name, double medianSeconds, double sigma) {
    public FunctionProfile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("function name must be non-blank and contain no comma: '" + name + "'");
        }
        if (!(medianSeconds > 0) || !(sigma >= 0)) {
            throw new IllegalArgumentException("function " + name + ": median must be > 0 and sigma >= 0");
        }
    }
}
