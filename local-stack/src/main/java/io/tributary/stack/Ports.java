package io.tributary.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.Set;

/**
 * Chooses the ports of the servers. A port configured as 0 reuses the one this data dir used last time when it is
 * still free (clients configured against a previous run keep working), else takes a free one.
 */
final class Ports {

    private final Path memoryFile;
    private final Properties remembered = new Properties();
    private final Set<Integer> taken = new HashSet<>();

    Ports(Path memoryFile) {
        this.memoryFile = memoryFile;
        if (Files.isRegularFile(memoryFile)) {
            try (Reader reader = Files.newBufferedReader(memoryFile)) {
                remembered.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + memoryFile, e);
            }
        }
    }

    synchronized int choose(String key, int configured) {
        int port = configured;
        if (port == 0) {
            int previous = Integer.parseInt(remembered.getProperty(key, "0"));
            port = previous != 0 && !taken.contains(previous) && isFree(previous) ? previous : freePort();
        }
        taken.add(port);
        remembered.setProperty(key, Integer.toString(port));
        return port;
    }

    synchronized void save() {
        Map<String, String> ports = new TreeMap<>();
        remembered.stringPropertyNames().forEach(key -> ports.put(key, remembered.getProperty(key)));
        // atomically: a run killed while saving must not leave a truncated file for the next start
        PropertiesFiles.write(memoryFile, ports, "ports used last by the local stack");
    }

    private int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
            }
        }
        throw new IllegalStateException("cannot find a free port on 127.0.0.1");
    }

    /** Binds like the servers do (SO_REUSEADDR, the JDK default on Unix), so TIME_WAIT leftovers do not count. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
