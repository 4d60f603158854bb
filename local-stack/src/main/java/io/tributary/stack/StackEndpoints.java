package io.tributary.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the servers of a running stack listen, and the credentials to use them.
 * {@link #toString()} masks the secrets, so the record can be logged.
 */
public record StackEndpoints(String kafkaBootstrap, String connectUrl, String s3Endpoint, String s3Region, String bucket,
                             String s3AccessKey, String s3SecretKey, String jdbcUrl, String jdbcUser,
                             String jdbcPassword) {

    static final String MASK = "******";

    /** The endpoints as flat properties (secrets in clear): for a file other processes read, or a child's config. */
    public Map<String, String> asProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", kafkaBootstrap);
        props.put("connect.url", connectUrl);
        props.put("s3.endpoint", s3Endpoint);
        props.put("s3.region", s3Region);
        props.put("s3.bucket", bucket);
        props.put("s3.access.key", s3AccessKey);
        props.put("s3.secret.key", s3SecretKey);
        props.put("warehouse.jdbc.url", jdbcUrl);
        props.put("warehouse.user", jdbcUser);
        props.put("warehouse.password", jdbcPassword);
        return props;
    }

    public static StackEndpoints fromProperties(Map<String, String> props) {
        return new StackEndpoints(props.get("kafka.bootstrap.servers"), props.get("connect.url"),
            props.get("s3.endpoint"), props.get("s3.region"), props.get("s3.bucket"), props.get("s3.access.key"),
            props.get("s3.secret.key"), props.get("warehouse.jdbc.url"), props.get("warehouse.user"),
            props.get("warehouse.password"));
    }

    @Override
    public String toString() {
        return "StackEndpoints[kafkaBootstrap=" + kafkaBootstrap + ", connectUrl=" + connectUrl
            + ", s3Endpoint=" + s3Endpoint + ", s3Region=" + s3Region + ", bucket=" + bucket
            + ", s3AccessKey=" + s3AccessKey + ", s3SecretKey=" + mask(s3SecretKey)
            + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser + ", jdbcPassword=" + mask(jdbcPassword) + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : MASK;
    }
}
