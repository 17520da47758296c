package io.gantry.core.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The userspace port proxy process: {@code hostIp:hostPort:containerIp:containerPort:proto} arguments, one listener
 * each, a thread pair per TCP connection and an upstream socket per UDP client. Prints {@code ready} once every port
 * is bound, so the engine reports a port only when it answers.
 */
public final class PortProxyMain {

    private PortProxyMain() {
    }

    public static void main(String[] args) throws IOException {
        for (String spec : args) {
            String[] f = spec.split(":");
            InetSocketAddress listen = new InetSocketAddress(f[0], Integer.parseInt(f[1]));
            InetSocketAddress target = new InetSocketAddress(f[2], Integer.parseInt(f[3]));
            if (f[4].equals("udp")) {
                DatagramSocket s = new DatagramSocket(listen);
                thread(false, () -> udp(s, target));
            } else {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(listen, 128);
                thread(false, () -> tcp(s, target));
            }
        }
        System.out.println("ready");
        System.out.flush();
        System.out.close();
    }

    private static Thread thread(boolean daemon, Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(daemon);
        t.start();
        return t;
    }

    private static void tcp(ServerSocket server, InetSocketAddress target) {
        while (true) {
            try {
                Socket client = server.accept();
                thread(true, () -> connect(client, target));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void connect(Socket client, InetSocketAddress target) {
        try (client; Socket upstream = new Socket()) {
            upstream.connect(target, 5000);
            Thread back = thread(true, () -> pump(upstream, client));
            pump(client, upstream);
            back.join();
        } catch (IOException | InterruptedException e) {
            // the connection ends; the listener goes on
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static void udp(DatagramSocket listener, InetSocketAddress target) {
        Map<SocketAddress, DatagramSocket> upstreams = new ConcurrentHashMap<>();
        byte[] buf = new byte[65535];
        while (true) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                listener.receive(p);
                SocketAddress client = p.getSocketAddress();
                DatagramSocket up = upstreams.computeIfAbsent(client, c -> replies(listener, c, upstreams));
                up.send(new DatagramPacket(p.getData(), p.getLength(), target));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static DatagramSocket replies(DatagramSocket listener, SocketAddress client,
                                          Map<SocketAddress, DatagramSocket> upstreams) {
        try {
            DatagramSocket up = new DatagramSocket();
            up.setSoTimeout(60_000);
            thread(true, () -> {
                byte[] b = new byte[65535];
                try (up) {
                    while (true) {
                        DatagramPacket r = new DatagramPacket(b, b.length);
                        up.receive(r);
                        listener.send(new DatagramPacket(r.getData(), r.getLength(), client));
                    }
                } catch (IOException e) {
                    upstreams.remove(client);
                }
            });
            return up;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
