package io.gantry.core.network;

import io.gantry.core.errors.InvalidArgumentException;

/** A container port as image {@code ExposedPorts} and {@code --expose} name it: {@code 3306/tcp}. */
public record ExposedPort(int port, Protocol protocol) {

    public ExposedPort {
        if (port < 1 || port > 65535) {
            throw new InvalidArgumentException("port out of range 1..65535: " + port);
        }
    }

    /** Parses {@code 3306}, {@code 3306/tcp} or {@code 53/udp}. */
    public static ExposedPort parse(String s) {
        int slash = s.indexOf('/');
        String num = slash < 0 ? s : s.substring(0, slash);
        Protocol proto = slash < 0 ? Protocol.TCP : Protocol.parse(s.substring(slash + 1));
        try {
            return new ExposedPort(Integer.parseInt(num.trim()), proto);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid port " + s, e);
        }
    }

    @Override
    public String toString() {
        return port + "/" + protocol.wire();
    }
}
