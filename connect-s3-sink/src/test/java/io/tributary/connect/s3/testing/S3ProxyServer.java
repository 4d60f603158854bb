package io.tributary.connect.s3.testing;

import org.awaitility.Awaitility;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** A real S3-API server (s3proxy, in-memory backend) in the test JVM, with a client for assertions. */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "tributary-test";
    public static final String SECRET_KEY = "tributary-test-secret";
    public static final String REGION = "us-east-1";
    private static final Pattern IN_FLIGHT =
            Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private S3ProxyServer(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        // built here, not with the sink's S3Clients: S3SinkWorkerIT runs without the sink's classes on its classpath
        this.client = S3Client.builder().region(Region.of(REGION)).endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public static S3ProxyServer start() throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient-nio2", props))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
        return new S3ProxyServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return client;
    }

    /**
     * Keys of a bucket, sorted, without objects still being written: s3proxy lists a put in flight as
     * {@code <key>-<uuid>} (its temporary file) until it renames it to the key, and a read of that name a moment later
     * finds nothing. S3 itself never shows an object before its write completes.
     */
    public List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .filter(key -> !IN_FLIGHT.matcher(key).find()).sorted().toList();
    }

    /** Lines of a gzip JSON-lines object. */
    public List<String> lines(String bucket, String key) {
        return GzipLines.read(client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
