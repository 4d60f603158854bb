package io.tributary.monitor.lag;

import java.util.Collection;

/**
 * Burrow's evaluation states, worst last. A group's status is the worst of its partitions'.
 * The rules are in {@link BurrowRules}.
 */
public enum LagStatus {
    OK, WARN, STALL, STOP, ERR;

    public static LagStatus worst(Collection<LagStatus> statuses) {
        return statuses.stream().max(Enum::compareTo).orElse(OK);
    }

    /** True for the states a data engineer must act on now (the status page paints them red, /health fails). */
    public boolean failing() {
        return this == STOP || this == ERR;
    }
}
