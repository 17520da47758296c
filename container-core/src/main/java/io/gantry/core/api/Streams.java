package io.gantry.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copying a process's stdio to and from a hijacked connection, in Docker's stdcopy frames where asked. */
final class Streams {

    private Streams() {
    }

    /**
     * Copies {@code in} to {@code out} until {@code in} ends; each read becomes one frame of {@code stream} (1
     * stdout, 2 stderr), or goes out as it is for {@code stream} 0 (a terminal). Writes are serialised on {@code out},
     * which stdout and stderr share. A client that went away ends the copy quietly.
     */
    static void relay(InputStream in, OutputStream out, int stream) {
        byte[] buffer = new byte[32 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (n == 0) {
                    continue;
                }
                synchronized (out) {
                    if (stream != 0) {
                        out.write(new byte[] {(byte) stream, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16),
                                (byte) (n >>> 8), (byte) n});
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException clientOrProcessGone) {
            drain(in);
        }
    }

    static Thread relayInBackground(String name, InputStream in, OutputStream out, int stream) {
        Thread t = new Thread(() -> relay(in, out, stream), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Copies the client's input to the process's stdin; the client's end of input closes stdin. */
    static void pumpInBackground(String name, InputStream in, OutputStream stdin) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    stdin.write(buffer, 0, n);
                    stdin.flush();
                }
            } catch (IOException connectionClosed) {
                // the exec ended, or the client left
            } finally {
                closeQuietly(stdin);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Closes a process's stdin; a process that already ended (a broken pipe) needs no closing. */
    static void closeQuietly(OutputStream stdin) {
        try {
            stdin.close();
        } catch (IOException processGone) {
            // nothing left to tell
        }
    }

    /** Reads and discards, so a process never blocks on a full pipe nobody reads. */
    static void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // gone
        }
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
