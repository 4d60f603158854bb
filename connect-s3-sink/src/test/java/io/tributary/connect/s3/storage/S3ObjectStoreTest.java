package io.tributary.connect.s3.storage;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;

/** How S3 failures left over after the SDK's own retries reach the worker (real S3 errors are in S3SinkTaskIT). */
class S3ObjectStoreTest {
    private final S3ObjectStore store = new S3ObjectStore(null, "tributary-landing");

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void throttlingAndServerErrorsAreRetriable() {
        assertThat(store.classify("upload", "k", s3Error(503, "SlowDown"))).isInstanceOf(RetriableException.class)
                .hasMessageContaining("s3://tributary-landing/k").hasMessageContaining("503");
        assertThat(store.classify("upload", "k", s3Error(500, "InternalError"))).isInstanceOf(RetriableException.class);
        assertThat(store.classify("upload", "k", SdkClientException.create("Connection reset")))
                .isInstanceOf(RetriableException.class).hasMessageContaining("Connection reset");
    }

    @Test
    void missingBucketAndDeniedAccessArePermanentAndSayWhatToFix() {
        RuntimeException noBucket = store.classify("upload", "landing/a.jsonl.gz", s3Error(404, "NoSuchBucket"));
        assertThat(noBucket).isNotInstanceOf(RetriableException.class).isInstanceOf(ConnectException.class)
                .hasMessageContaining("s3://tributary-landing/landing/a.jsonl.gz")
                .hasMessageContaining("create it or fix s3.bucket.name");
        assertThat(store.classify("upload", "k", s3Error(403, "AccessDenied")))
                .isNotInstanceOf(RetriableException.class).hasMessageContaining("s3:PutObject");
    }
}
