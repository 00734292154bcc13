package org.changchun.layout.frontdoor;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ServerSocketFactory;

/**
 * Server sockets that accept a connection only while fewer than a bound are open. The tile port
 * serves each connection on a thread of its own; without this bound a burst of connections would
 * start as many threads. A connection over the bound waits in the kernel's accept queue (the
 * client sees a slow connect, not a refusal) until an open one closes.
 */
final class ConnectionLimit extends ServerSocketFactory {

    private final Semaphore open;

    ConnectionLimit(int maxConnections) {
        this.open = new Semaphore(maxConnections);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket socket = new BoundedServerSocket(open);
        try {
            socket.bind(new InetSocketAddress(address, port), backlog);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, 50, null);
    }

    private static final class BoundedServerSocket extends ServerSocket {

        private final Semaphore open;

        BoundedServerSocket(Semaphore open) throws IOException {
            this.open = open;
        }

        @Override
        public Socket accept() throws IOException {
            try {
                open.acquire();
            } catch (InterruptedException e) {
                // the server is stopping: it interrupts the thread that accepts
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while waiting for a connection to close");
            }
            Socket socket = new CountedSocket(open);
            try {
                implAccept(socket);
            } catch (IOException | RuntimeException e) {
                open.release();
                throw e;
            }
            return socket;
        }
    }

    /** Gives its place back when closed, once, however often close is called. */
    private static final class CountedSocket extends Socket {

        private final Semaphore open;
        private final AtomicBoolean released = new AtomicBoolean();

        CountedSocket(Semaphore open) {
            this.open = open;
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                if (released.compareAndSet(false, true)) {
                    open.release();
                }
            }
        }
    }
}
