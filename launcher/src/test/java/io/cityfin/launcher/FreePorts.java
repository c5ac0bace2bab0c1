package io.cityfin.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a launcher under test. A base port the system handed out is no good: the platform takes the five after it
 * and each one + 1000 too, and those may be in use (the ephemeral range is busy with every test's connections). So a
 * base below the ephemeral range (32768 and up on Linux) whose twelve ports are all free now.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** A base for CITYFIN_PORT_BASE: it, the next five and each + 1000 were free when checked. */
    static int base() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base between 20000 and 30000");
    }

    /** One free port outside the range {@link #base()} picks from. */
    static int one() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean allFree(int base) {
        for (int offset = 0; offset <= 5; offset++) {
            if (!free(base + offset) || !free(base + 1000 + offset)) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
