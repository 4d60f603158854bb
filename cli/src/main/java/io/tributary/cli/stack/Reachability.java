package io.tributary.cli.stack;

import io.tributary.cli.UserFacingException;
import io.tributary.warehouse.Warehouse;
import io.tributary.warehouse.WarehouseConfig;
import io.tributary.warehouse.dialect.JdbcUrls;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks, before a command starts its work, that the servers it needs answer, so that a dead address fails within
 * seconds with the address and what to do, instead of a client's minutes of silent retries.
 */
public final class Reachability {
    /** Each check gives up after this long: together under the ~15 s a user waits before a command must say why. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String START_IT = "start it with ./tributary run (or point the command at another cluster)";

    private Reachability() {
    }

    /** Kafka answers a metadata request with at least one broker. */
    public static void requireKafka(Map<String, Object> clientProperties) {
        String bootstrap = String.valueOf(clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(props)) {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw unreachable("Kafka", bootstrap, "no broker in the cluster metadata", "kafka.bootstrap.servers");
            }
        } catch (ExecutionException e) {
            throw unreachable("Kafka", bootstrap, e.getCause().toString(), "kafka.bootstrap.servers and kafka.security.*");
        } catch (TimeoutException e) {
            throw unreachable("Kafka", bootstrap, "no answer", "kafka.bootstrap.servers and kafka.security.*");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted while reaching Kafka at " + bootstrap);
        }
    }

    /** Something listens at the URL's host and port (Kafka Connect's REST API, an S3-API server). */
    public static void requireListening(String what, String url, String key) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) TIMEOUT.toMillis());
        } catch (IOException e) {
            throw unreachable(what, url, e.toString(), key);
        }
    }

    /** The warehouse accepts a connection (with the driver its URL selects, as the loader connects). */
    public static void requireWarehouse(WarehouseConfig config) {
        try (Warehouse ignored = Warehouse.connect(config)) {
            // connected
        } catch (SQLException e) {
            throw unreachable("the warehouse", JdbcUrls.masked(config.jdbcUrl()), e.getMessage(),
                    "warehouse.jdbc.url, warehouse.user and warehouse.password");
        }
    }

    static UserFacingException unreachable(String what, String address, String why, String keys) {
        boolean local = address.contains("127.0.0.1") || address.contains("localhost");
        return new UserFacingException("cannot reach " + what + " at " + address + " within " + TIMEOUT.toSeconds()
                + " s (" + why + "); " + (local ? "is the local stack running? " + START_IT : "check " + keys));
    }
}
