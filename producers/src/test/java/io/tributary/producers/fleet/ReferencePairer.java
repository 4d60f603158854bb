package io.tributary.producers.fleet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive pairer written straight from DESIGN.md "Pairing", independent of the simulator's code:
 * group by (vehicle, function), order by time with END before START at equal times, LIFO stack.
 */
final class ReferencePairer {
    record Event(String vehicle, Instant time, String function, boolean start, int position) {
    }

    record Result(List<ExpectedCall> calls, int unmatchedEnds, int unmatchedStarts) {
    }

    static Event parse(String line, int position) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("not 4 fields: " + line);
        }
        BigDecimal seconds = new BigDecimal(f[1]);
        long micros = seconds.movePointRight(6).longValueExact();
        boolean start = switch (f[3]) {
            case "start" -> true;
            case "end" -> false;
            default -> throw new IllegalArgumentException("bad event: " + line);
        };
        return new Event(f[0], Instant.EPOCH.plusNanos(micros * 1000), f[2], start, position);
    }

    static Result pair(List<String> lines) {
        Map<String, List<Event>> groups = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Event e = parse(lines.get(i), i);
            groups.computeIfAbsent(e.vehicle() + "|" + e.function(), k -> new ArrayList<>()).add(e);
        }
        var calls = new ArrayList<ExpectedCall>();
        int unmatchedEnds = 0;
        int unmatchedStarts = 0;
        for (List<Event> group : groups.values()) {
            group.sort(Comparator.comparing(Event::time).thenComparing(e -> e.start() ? 1 : 0));
            var open = new ArrayDeque<Event>();
            for (Event e : group) {
                if (e.start()) {
                    open.push(e);
                } else if (open.isEmpty()) {
                    unmatchedEnds++;
                } else {
                    Event s = open.pop();
                    calls.add(new ExpectedCall(s.vehicle(), s.function(), s.time(), e.time(), open.size()));
                }
            }
            unmatchedStarts += open.size();
        }
        return new Result(calls, unmatchedEnds, unmatchedStarts);
    }

    static final Comparator<ExpectedCall> ORDER = Comparator.comparing(ExpectedCall::vehicleId)
            .thenComparing(ExpectedCall::start).thenComparing(ExpectedCall::functionName)
            .thenComparing(ExpectedCall::end);

    private ReferencePairer() {
    }
}
