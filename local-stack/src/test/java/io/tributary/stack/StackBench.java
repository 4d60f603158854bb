package io.tributary.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manual measurement, not a test: starts the stack with {@code key=value} args, logs time-to-ready and RSS per server,
 * then stops it and logs the stop time. Run with the test classpath.
 */
public final class StackBench {

    private static final Logger log = LoggerFactory.getLogger(StackBench.class);

    private StackBench() {
    }

    private static long psRss(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
            String out = new String(ps.getInputStream().readAllBytes()).trim();
            ps.waitFor();
            return out.isEmpty() ? 0 : Long.parseLong(out);
        } catch (Exception e) {
            return -1;
        }
    }

    public static void main(String[] args) {
        Map<String, Object> props = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            props.put(kv[0], kv[1]);
        }
        Map<StackServer, Duration> ready = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        LocalStack stack = LocalStack.start(LocalStackConfig.of(props), new StackListener() {
            @Override
            public void ready(StackServer server, String address, Duration took, long pid) {
                ready.put(server, took);
            }
        });
        long total = (System.nanoTime() - t0) / 1_000_000;
        StringBuilder report = new StringBuilder("BENCH total_ms=" + total);
        stack.servers().forEach((server, process) -> report.append(' ').append(server.id()).append("_ms=")
            .append(ready.get(server).toMillis()).append(' ').append(server.id()).append("_rss_mib=")
            .append(process.residentSetKib().orElse(0) / 1024));
        log.info("{}", report);
        stack.servers().forEach((server, process) -> log.info("BENCH ps {} pid {}: rss_kib={}", server.id(),
            process.pid(), psRss(process.pid())));
        io.tributary.stack.postgres.PostgresServer.postmaster(stack.postgresDataDir()).ifPresent(pm -> {
            long sum = psRss(pm.pid()) + pm.children().mapToLong(c -> psRss(c.pid())).sum();
            log.info("BENCH ps postgres native: postmaster pid {} + {} children: rss_kib={}", pm.pid(),
                pm.children().count(), sum);
        });
        long s0 = System.nanoTime();
        stack.close();
        log.info("BENCH stop_ms={}", (System.nanoTime() - s0) / 1_000_000);
    }
}
