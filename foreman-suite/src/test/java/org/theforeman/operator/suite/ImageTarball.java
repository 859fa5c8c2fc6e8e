package org.theforeman.operator.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reads the image tarball Jib writes (docker-save layout) with the system's tar. */
final class ImageTarball {
    private ImageTarball() {}

    static Map<String, byte[]> read(Path tar, List<String> names) throws IOException, InterruptedException {
        Map<String, byte[]> entries = new HashMap<>();
        for (String name : names) {
            Process p = new ProcessBuilder("tar", "-xOf", tar.toString(), name).start();
            entries.put(name, p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("cannot read " + name + " from " + tar);
            }
        }
        return entries;
    }

    /** Unpacks one layer (a gzipped tar inside the image tarball) over {@code rootfs}. */
    static void extractLayer(Path tar, String layer, Path rootfs) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "sh",
                        "-c",
                        "tar -xOf \"$1\" \"$2\" | tar --warning=no-unknown-keyword -xzf - -C \"$3\"",
                        "extract",
                        tar.toString(),
                        layer,
                        rootfs.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("cannot unpack " + layer + ": " + out);
        }
    }
}
