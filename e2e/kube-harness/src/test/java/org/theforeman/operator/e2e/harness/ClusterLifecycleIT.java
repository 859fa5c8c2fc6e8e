package org.theforeman.operator.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Stopping a local control plane leaves no process and no listening port behind. */
class ClusterLifecycleIT {

    @Test
    void closeStopsEveryProcessAndFreesEveryPort() throws IOException {
        LocalControlPlane plane = LocalControlPlane.start();
        List<Long> pids;
        List<Integer> ports;
        try {
            assertThat(plane.admin().nodes().list().getItems()).as("fake nodes").isNotEmpty();
            pids = pids(plane.directory());
            ports = ports(plane.directory());
            assertThat(pids).as("one process per component").hasSizeGreaterThanOrEqualTo(5);
            assertThat(ports)
                    .as("ports of etcd, apiserver, controller-manager, scheduler, kwok")
                    .hasSizeGreaterThanOrEqualTo(5);
            assertThat(pids)
                    .allSatisfy(pid ->
                            assertThat(alive(pid)).as("pid %d running", pid).isTrue());
        } finally {
            plane.close();
        }
        assertThat(pids)
                .allSatisfy(pid ->
                        assertThat(alive(pid)).as("pid %d after close", pid).isFalse());
        assertThat(ports)
                .allSatisfy(port -> assertThat(listening(port))
                        .as("port %d after close", port)
                        .isFalse());
        assertThat(plane.directory()).doesNotExist();
    }

    private static List<Long> pids(Path dir) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("pids"))) {
            for (Path file : files.toList()) {
                pids.add(Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    private static List<Integer> ports(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("env")).stream()
                .filter(line -> line.matches("[A-Z_]+_PORT=\\d+"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1)))
                .toList();
    }

    /**
     * Running, as opposed to gone or a zombie: where PID 1 does not reap orphans (some containers), a
     * stopped component stays in the process table as a zombie, which holds no port and no memory.
     */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
