package io.tributary.producers.web;

import io.tributary.events.Sites;
import io.tributary.producers.faults.SimLine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Deterministic access logs of the three hotel-booking sites in Combined Log Format plus the response time in seconds.
 * Visitors follow the funnel search → hotel pages → booking (most leave on the way); crawlers walk many hotel pages
 * fast; some requests fail (404, 5xx) or are slow. Sessions overlap; lines are emitted in time order, keyed by site.
 */
public final class WebSimulator {
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final List<String> CITIES = List.of("oslo", "lisbon", "kyoto", "lima", "accra", "perth");
    private static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148");
    private static final List<String> CRAWLERS = List.of(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)");
    private static final double MEAN_ARRIVAL_SECONDS = 0.4;
    private static final double MEAN_THINK_SECONDS = 6;

    private final WebSpec spec;

    public WebSimulator(WebSpec spec) {
        this.spec = spec;
    }

    public WebSpec spec() {
        return spec;
    }

    private record Pending(long micros, long order, String site, String line) {
    }

    /** Streams every line to {@code sink} in time order and returns what was emitted. */
    public WebTruth generate(Consumer<SimLine> sink) {
        var random = new SplittableRandom(spec.seed());
        var queue = new PriorityQueue<Pending>(Comparator.comparingLong(Pending::micros)
                .thenComparingLong(Pending::order));
        var counts = new Counts();
        long arrival = ChronoUnit.MICROS.between(Instant.EPOCH, spec.start());
        long budget = spec.targetLines();
        long[] order = {0};
        while (budget > 0 || !queue.isEmpty()) {
            if (budget > 0) {
                arrival += exponentialMicros(random, MEAN_ARRIVAL_SECONDS);
                long nextArrival = arrival;
                while (!queue.isEmpty() && queue.peek().micros() <= nextArrival) {
                    emit(queue.poll(), sink, counts);
                }
                budget -= session(random, arrival, budget, counts, p -> queue.add(
                        new Pending(p.micros(), order[0]++, p.site(), p.line())));
            } else {
                emit(queue.poll(), sink, counts);
            }
        }
        return counts.truth();
    }

    private static void emit(Pending pending, Consumer<SimLine> sink, Counts counts) {
        counts.lines++;
        counts.perSite.merge(pending.site(), 1L, Long::sum);
        sink.accept(new SimLine(pending.site(), pending.micros(), pending.line()));
    }

    /** Generates one session's requests (at most {@code budget}) and returns how many. */
    private long session(SplittableRandom random, long startMicros, long budget, Counts counts,
                         Consumer<Pending> out) {
        counts.sessions++;
        String site = Sites.ALL.get(random.nextInt(Sites.ALL.size()));
        String ip = (random.nextBoolean() ? "203.0.113." : "198.51.100.") + (1 + random.nextInt(254));
        boolean crawler = random.nextDouble() < spec.crawlerShare();
        var requests = new java.util.ArrayList<String[]>(); // {method, target, step}
        if (crawler) {
            requests.add(new String[] {"GET", "/robots.txt", ""});
            int pages = 5 + random.nextInt(16);
            for (int i = 0; i < pages; i++) {
                requests.add(new String[] {"GET", "/hotel/" + (1 + random.nextInt(500)), ""});
            }
        } else {
            String city = CITIES.get(random.nextInt(CITIES.size()));
            requests.add(new String[] {"GET", "/search?city=" + city + "&checkin=2020-01-" + (10 + random.nextInt(19)),
                    "search"});
            int hotels = 1 + random.nextInt(4);
            String hotel = null;
            for (int i = 0; i < hotels && random.nextDouble() < 0.85; i++) {
                hotel = "/hotel/" + (1 + random.nextInt(500));
                requests.add(new String[] {"GET", hotel, "hotel"});
            }
            if (hotel != null && random.nextDouble() < 0.3) {
                requests.add(new String[] {"GET", hotel + "/book", ""});
                if (random.nextDouble() < 0.7) {
                    requests.add(new String[] {"POST", hotel + "/book/confirm", "booking"});
                }
            }
        }
        String agent = crawler ? CRAWLERS.get(random.nextInt(CRAWLERS.size()))
                : BROWSERS.get(random.nextInt(BROWSERS.size()));
        String referrer = "-";
        long micros = startMicros;
        int n = (int) Math.min(budget, requests.size());
        for (int i = 0; i < n; i++) {
            String[] request = requests.get(i);
            if (i > 0) {
                micros += crawler ? 200_000 + random.nextInt(800_000) : exponentialMicros(random, MEAN_THINK_SECONDS);
            }
            int status = status(random, request[0]);
            double seconds = responseSeconds(random);
            counts.record(crawler, request[2], status, seconds);
            long bytes = status == 304 ? 0 : 400 + random.nextInt(60_000);
            String line = String.format(Locale.ROOT, "%s - - [%s] \"%s %s HTTP/1.1\" %d %d \"%s\" \"%s\" %.3f",
                    ip, CLF_TIME.format(Instant.EPOCH.plus(micros, ChronoUnit.MICROS)), request[0], request[1], status,
                    bytes, referrer, agent, seconds);
            out.accept(new Pending(micros, 0, site, line));
            referrer = "https://" + site + ".example" + request[1];
        }
        return n;
    }

    private int status(SplittableRandom random, String method) {
        double draw = random.nextDouble();
        if (draw < spec.serverErrorRate()) {
            return new int[] {500, 502, 503}[random.nextInt(3)];
        }
        if (draw < spec.serverErrorRate() + spec.notFoundRate()) {
            return 404;
        }
        return method.equals("POST") ? 201 : 200;
    }

    private double responseSeconds(SplittableRandom random) {
        if (random.nextDouble() < spec.slowRate()) {
            return 2 + random.nextDouble() * 8;
        }
        // log-normal around 80 ms: most pages are quick, a few take a while
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return Math.min(1.999, 0.080 * Math.exp(0.6 * gaussian));
    }

    private static long exponentialMicros(SplittableRandom random, double meanSeconds) {
        return Math.round(-Math.log(1 - random.nextDouble()) * meanSeconds * 1_000_000d);
    }

    private static final class Counts {
        long lines;
        final Map<String, Long> perSite = new HashMap<>();
        long sessions;
        long crawlerLines;
        long searches;
        long hotelPages;
        long bookings;
        long clientErrors;
        long serverErrors;
        long slow;

        void record(boolean crawler, String step, int status, double seconds) {
            if (crawler) {
                crawlerLines++;
            }
            switch (step) {
                case "search" -> searches++;
                case "hotel" -> hotelPages++;
                case "booking" -> bookings++;
                default -> { }
            }
            if (status >= 500) {
                serverErrors++;
            } else if (status >= 400) {
                clientErrors++;
            }
            if (seconds >= 2) {
                slow++;
            }
        }

        WebTruth truth() {
            return new WebTruth(lines, perSite, sessions, crawlerLines, searches, hotelPages, bookings, clientErrors,
                    serverErrors, slow);
        }
    }
}
