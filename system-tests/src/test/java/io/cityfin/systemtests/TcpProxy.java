package io.cityfin.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of one upstream server, so that a test owns an outage of that server whichever
 * PostgreSQL it runs on. An accept loop and two pump threads per connection; {@link #cut} closes every connection
 * and from then on either refuses new ones (each is closed as soon as it is accepted, as a stopped server's port
 * refuses) or blackholes them (accepted and left silent, as a lost network does); {@link #restore} lets new
 * connections through again. Only loopback traffic.
 */
final class TcpProxy implements AutoCloseable {

    /** What happens to a connection made during an outage. */
    enum Outage {
        /** closed at once: the server is down. */
        REFUSE,
        /** accepted and never answered: the network is gone. */
        BLACKHOLE
    }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptLoop;
    private volatile Outage outage;
    private volatile boolean closed;

    private TcpProxy(ServerSocket listener, InetSocketAddress upstream) {
        this.listener = listener;
        this.upstream = upstream;
        this.acceptLoop = new Thread(this::acceptLoop, "tcp-proxy-accept-" + listener.getLocalPort());
        this.acceptLoop.setDaemon(true);
    }

    /** Listens on a free loopback port and forwards to {@code host:port}. */
    static TcpProxy start(String host, int port) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(listener, new InetSocketAddress(host, port));
            proxy.acceptLoop.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far, in or out of an outage. */
    int accepted() {
        return accepted.get();
    }

    /** Closes every connection now and treats new ones as {@code outage} says, until {@link #restore}. */
    void cut(Outage outage) {
        this.outage = outage;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** New connections reach the upstream server again; blackholed ones stay dead, as after a real partition. */
    void restore() {
        outage = null;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            Outage now = outage;
            if (now == Outage.REFUSE) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            if (now == Outage.BLACKHOLE) {
                continue; // kept open, never read: closed by restore's next cut or by close()
            }
            Thread connect = new Thread(() -> connect(client), "tcp-proxy-connect");
            connect.setDaemon(true);
            connect.start();
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(upstream, 5_000);
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(server);
            open.remove(client);
            closeQuietly(client);
            return;
        }
        open.add(server);
        if (outage != null || client.isClosed()) { // cut while connecting
            open.remove(server);
            closeQuietly(server);
            closeQuietly(client);
            return;
        }
        pump(client, server, "up");
        pump(server, client, "down");
    }

    /** Copies {@code from} to {@code to} until either closes, then closes both. */
    private void pump(Socket from, Socket to, String direction) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException e) {
                // closed by a cut or by the other side
            } catch (IOException e) {
                // the same: the connection is over
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-" + direction);
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
