package io.tributary.producers;

/**
 * The broker a hand-run benchmark measures against: a child JVM ({@link ChildKafka}, -Xmx1g) so the clients under test
 * do not share its heap, GC and JIT, or this JVM's {@link EmbeddedKafka} with {@code -Dbench.broker=embedded}.
 *
 * @param pid the broker's process id (this JVM's when embedded), to read its CPU time
 */
public record BenchBroker(AutoCloseable server, String bootstrapServers, long pid, boolean embedded)
        implements AutoCloseable {

    public static BenchBroker start() throws Exception {
        if (System.getProperty("bench.broker", "child").equals("embedded")) {
            var kafka = EmbeddedKafka.start();
            return new BenchBroker(kafka, kafka.bootstrapServers(), ProcessHandle.current().pid(), true);
        }
        var kafka = ChildKafka.start("1g");
        return new BenchBroker(kafka, kafka.bootstrapServers(), kafka.pid(), false);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
