package io.tributary.stack.s3;

import io.tributary.stack.PropertiesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Access key pair of the local S3-API server: from the environment ({@value #ACCESS_KEY_ENV},
 * {@value #SECRET_KEY_ENV}) when set, else generated on first start and kept in a file only the owner can read.
 *
 * @param accessKey  access key id
 * @param secretKey  secret access key (never logged: {@link #toString()} masks it)
 */
public record S3Credentials(String accessKey, String secretKey) {

    public static final String ACCESS_KEY_ENV = "TRIBUTARY_S3_ACCESS_KEY";
    public static final String SECRET_KEY_ENV = "TRIBUTARY_S3_SECRET_KEY";
    static final String ACCESS_KEY_PROP = "s3.access.key";
    static final String SECRET_KEY_PROP = "s3.secret.key";

    private static final SecureRandom RANDOM = new SecureRandom();

    public static S3Credentials load(Path file, Map<String, String> env) {
        String access = env.get(ACCESS_KEY_ENV);
        String secret = env.get(SECRET_KEY_ENV);
        if (notBlank(access) && notBlank(secret)) {
            return new S3Credentials(access, secret);
        }
        if (Files.isRegularFile(file)) {
            Map<String, String> stored = PropertiesFiles.read(file);
            if (notBlank(stored.get(ACCESS_KEY_PROP)) && notBlank(stored.get(SECRET_KEY_PROP))) {
                return new S3Credentials(stored.get(ACCESS_KEY_PROP), stored.get(SECRET_KEY_PROP));
            }
        }
        S3Credentials generated = new S3Credentials("TRIB" + random(8).toUpperCase(), random(20));
        PropertiesFiles.writeSecret(file, Map.of(ACCESS_KEY_PROP, generated.accessKey, SECRET_KEY_PROP,
            generated.secretKey), "S3 credentials of the local stack (generated; env " + ACCESS_KEY_ENV + "/"
            + SECRET_KEY_ENV + " override them)");
        return generated;
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=******]";
    }
}
