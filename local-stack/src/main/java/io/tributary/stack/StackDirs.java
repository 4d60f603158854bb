package io.tributary.stack;

import java.nio.file.Path;

/** Layout of the data directory. */
record StackDirs(Path root) {

    Path logs() {
        return root.resolve("logs");
    }

    Path conf() {
        return root.resolve("conf");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path s3() {
        return root.resolve("s3");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path connect() {
        return root.resolve("connect");
    }

    Path credentials() {
        return root.resolve("credentials.properties");
    }

    Path ports() {
        return conf().resolve("ports.properties");
    }
}
