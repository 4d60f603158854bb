package io.tributary.stack.s3;

import io.tributary.stack.PropertiesFiles;
import io.tributary.stack.process.ChildJvms;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.process.Readiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** s3proxy with the filesystem backend in a child JVM; ready once the landing bucket exists. */
public final class S3ProxyServer {

    public static final String NAME = "s3";

    private final ManagedProcess process;
    private final String endpoint;

    private S3ProxyServer(ManagedProcess process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * @param storageDir {@code <stack data>/s3}: one directory per bucket
     * @param confDir    where the s3proxy properties file (it holds the keys: owner-only) is written
     */
    public static S3ProxyServer start(ChildJvms jvms, Path storageDir, Path confDir, int port, S3Credentials credentials,
                                      String bucket, String region, String heap, Duration timeout) throws Exception {
        Files.createDirectories(storageDir);
        String endpoint = endpoint(port);
        Path propertiesFile = confDir.resolve("s3proxy.properties");
        // The keys go in a file, never on the command line, where ps would show them.
        PropertiesFiles.writeSecret(propertiesFile, properties(storageDir, endpoint, credentials),
            "s3proxy of the Tributary local stack");
        ManagedProcess process = jvms.start(NAME, "org.gaul.s3proxy.Main", heap,
            List.of("--properties", propertiesFile.toString()), storageDir);
        try (S3Client s3 = S3Clients.create(endpoint, region, credentials)) {
            Readiness.await(process, timeout, () -> ensureBucket(s3, bucket));
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        return new S3ProxyServer(process, endpoint);
    }

    private static boolean ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return true;
    }

    static Map<String, String> properties(Path storageDir, String endpoint, S3Credentials credentials) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("s3proxy.endpoint", endpoint);
        props.put("s3proxy.authorization", "aws-v2-or-v4");
        props.put("s3proxy.identity", credentials.accessKey());
        props.put("s3proxy.credential", credentials.secretKey());
        props.put("jclouds.provider", "filesystem-nio2");
        props.put("jclouds.filesystem.basedir", storageDir.toString());
        // The filesystem backend ignores these, but s3proxy refuses to start without them.
        props.put("jclouds.identity", "local");
        props.put("jclouds.credential", "local");
        return props;
    }

    /** The S3 API of s3proxy listening on {@code port} of 127.0.0.1. */
    public static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public String endpoint() {
        return endpoint;
    }
}
