package io.tributary.batch.lake;

import io.tributary.batch.config.BatchConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hadoop S3A settings for the configured lake. Only set for {@code s3.scheme=s3a}: on EMR ({@code s3}) EMRFS and the
 * instance profile are configured by the cluster, and {@code file} needs nothing.
 */
public final class S3aSettings {
    static final String SIMPLE_PROVIDER = "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider";

    private S3aSettings() {
    }

    /** Hadoop configuration keys (without Spark's {@code spark.hadoop.} prefix). Contains the secret key when given. */
    public static Map<String, String> hadoopProperties(BatchConfig config) {
        var props = new LinkedHashMap<String, String>();
        if (!config.s3Scheme().equals("s3a")) {
            return props;
        }
        String endpoint = config.s3Endpoint().trim();
        if (!endpoint.isEmpty()) {
            props.put("fs.s3a.endpoint", endpoint);
            // S3-compatible servers on a laptop speak plain http; S3A would otherwise try TLS on that port
            props.put("fs.s3a.connection.ssl.enabled", Boolean.toString(!endpoint.startsWith("http://")));
        }
        props.put("fs.s3a.endpoint.region", config.s3Region());
        props.put("fs.s3a.path.style.access", Boolean.toString(config.s3PathStyleAccess()));
        config.s3Keys().ifPresent(keys -> {
            props.put("fs.s3a.aws.credentials.provider", SIMPLE_PROVIDER);
            props.put("fs.s3a.access.key", keys.accessKey());
            props.put("fs.s3a.secret.key", keys.secretKey().value());
        });
        // else: S3A's default chain (env, system properties, profile, container/instance role)
        return props;
    }
}
