package io.tributary.connect.s3.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the S3 client from connector settings. */
public final class S3Clients {
    private S3Clients() {
    }

    /** What the client needs; {@code accessKeyId} empty = AWS default credential chain. */
    public record Settings(String region, Optional<URI> endpoint, boolean pathStyle, String accessKeyId,
                           String secretAccessKey, int retries, Duration retryBaseDelay) {
        @Override
        public String toString() {
            return "Settings[region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle
                    + ", credentials=" + (accessKeyId.isEmpty() ? "default chain" : "static [hidden]")
                    + ", retries=" + retries + ", retryBaseDelay=" + retryBaseDelay + "]";
        }
    }

    public static S3Client create(Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(16))
                // checksums only where S3 demands them: S3-compatible stores reject the SDK's newer default
                // trailing checksums; uploads carry Content-MD5 instead
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.retries() + 1)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(settings.retryBaseDelay(),
                                Duration.ofSeconds(20)))
                        .build()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Settings settings) {
        if (settings.accessKeyId().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }
}
