package io.tributary.connect.s3.storage;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@link ObjectStore} on the AWS SDK v2 S3 client. The client's retry strategy already retries throttling and
 * 5xx with back-off; what still fails afterwards is classified here as retriable (the worker re-delivers the batch
 * later) or permanent (the task fails with the bucket and key in the message).
 */
public final class S3ObjectStore implements ObjectStore {
    private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, int length, Map<String, String> userMetadata) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).metadata(userMetadata).contentType(contentType(key))
                    .contentMD5(md5Base64(content, 0, length)),
                    RequestBody.fromRemainingByteBuffer(ByteBuffer.wrap(content, 0, length)));
        } catch (SdkException e) {
            throw classify("upload", key, e);
        }
    }

    @Override
    public String createMultipartUpload(String key) {
        try {
            return s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType(key))).uploadId();
        } catch (SdkException e) {
            throw classify("start multipart upload of", key, e);
        }
    }

    @Override
    public String uploadPart(String key, String uploadId, int partNumber, byte[] content, int length) {
        try {
            String md5 = md5Base64(content, 0, length);
            return s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                            .contentLength((long) length).contentMD5(md5),
                    RequestBody.fromRemainingByteBuffer(ByteBuffer.wrap(content, 0, length))).eTag();
        } catch (SdkException e) {
            throw classify("upload part " + partNumber + " of", key, e);
        }
    }

    @Override
    public void completeMultipartUpload(String key, String uploadId, List<String> partETags) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < partETags.size(); i++) {
            parts.add(CompletedPart.builder().partNumber(i + 1).eTag(partETags.get(i)).build());
        }
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            log.debug("Completed multipart upload of s3://{}/{} in {} parts", bucket, key, parts.size());
        } catch (SdkException e) {
            throw classify("complete multipart upload of", key, e);
        }
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // the upload stays invisible either way; a bucket lifecycle rule cleans up incomplete uploads
            log.warn("Could not abort multipart upload {} of s3://{}/{}: {}", uploadId, bucket, key, e.getMessage());
        }
    }

    @Override
    public void copy(String sourceKey, String targetKey, Map<String, String> userMetadata) {
        try {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(sourceKey).destinationBucket(bucket)
                    .destinationKey(targetKey).metadataDirective(MetadataDirective.REPLACE).metadata(userMetadata)
                    .contentType(contentType(targetKey)));
        } catch (SdkException e) {
            throw classify("copy s3://" + bucket + "/" + sourceKey + " to", targetKey, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw classify("delete", key, e);
        }
    }

    @Override
    public List<String> listKeys(String prefix) {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        } catch (SdkException e) {
            throw classify("list", prefix + "*", e);
        }
    }

    @Override
    public Map<String, String> userMetadata(String key) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key)).metadata();
        } catch (SdkException e) {
            throw classify("read metadata of", key, e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket;
    }

    @Override
    public void close() {
        s3.close();
    }

    RuntimeException classify(String action, String key, SdkException e) {
        String where = "s3://" + bucket + "/" + key;
        if (e instanceof S3Exception s3e) {
            int status = s3e.statusCode();
            String code = s3e.awsErrorDetails() == null ? "" : s3e.awsErrorDetails().errorCode();
            if (status >= 500 || status == 429 || "SlowDown".equals(code) || "RequestTimeout".equals(code)) {
                return new RetriableException("Could not " + action + " " + where + " after retries (HTTP "
                        + status + " " + code + "); the worker will retry the batch", e);
            }
            return new ConnectException("Could not " + action + " " + where + ": HTTP " + status + " " + code
                    + " (" + hint(code) + ")", e);
        }
        if (e instanceof SdkClientException) {
            return new RetriableException("Could not " + action + " " + where + " (" + e.getMessage()
                    + "); the worker will retry the batch", e);
        }
        return new ConnectException("Could not " + action + " " + where + ": " + e.getMessage(), e);
    }

    private static String hint(String code) {
        return switch (code) {
            case "NoSuchBucket" -> "the bucket does not exist: create it or fix s3.bucket.name";
            case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch" ->
                    "check the credentials and that they may s3:PutObject, s3:ListBucket and s3:GetObject";
            default -> "not retriable";
        };
    }

    private static String contentType(String key) {
        if (key.endsWith(".parquet")) {
            return "application/vnd.apache.parquet";
        }
        return key.endsWith(".gz") ? "application/gzip" : "application/octet-stream";
    }

    private static String md5Base64(byte[] content, int offset, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(content, offset, length);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
