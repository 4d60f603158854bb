package io.tributary.stack.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a jar that holds {@link ChildMain} and nothing else. A JVM whose classpath is not ours (Spark's) still
 * needs the parent watchdog; putting our whole jar or classes directory there would leak our Jackson/servlet
 * versions into it.
 */
public final class ChildMainJar {

    private ChildMainJar() {
    }

    public static Path writeTo(Path dir) {
        String entry = ChildMain.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("tributary-child-main.jar");
        try (InputStream classBytes = ChildMain.class.getClassLoader().getResourceAsStream(entry)) {
            if (classBytes == null) {
                throw new IllegalStateException("cannot read " + entry + " from the classpath");
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "child-main", ".jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                jarOut.putNextEntry(new JarEntry(entry));
                classBytes.transferTo(jarOut);
                jarOut.closeEntry();
            }
            // Atomic replace: a concurrently starting child never sees a half-written jar.
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }
}
