package io.gantry.console.container;

import io.gantry.console.app.ServicePort;
import io.gantry.console.app.VolumeBinding;
import io.gantry.console.template.Protocol;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "New container" form's port and volume lines, written as {@code docker run -p} and {@code -v} take them, so
 * that what people know from Docker's documentation works as it is.
 */
public final class RunSyntax {

    private static final Pattern PORT = Pattern.compile(
            "(?:(?<ip>\\d{1,3}(?:\\.\\d{1,3}){3}):)?(?:(?<host>\\d{1,5})?:)?(?<container>\\d{1,5})(?:/(?<proto>tcp|udp))?");
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private RunSyntax() {
    }

    /**
     * {@code 80} (a host port the engine picks), {@code 8080:80}, {@code 127.0.0.1:8080:80}, {@code 127.0.0.1::80},
     * each with an optional {@code /udp} or {@code /tcp}.
     */
    public static ServicePort port(String line) {
        Matcher m = PORT.matcher(line.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidContainerException("a port is written like 8080:80, 80 or 127.0.0.1:8080:80/udp, not \""
                    + line.strip() + "\"");
        }
        Protocol protocol = "udp".equals(m.group("proto")) ? Protocol.UDP : Protocol.TCP;
        try {
            return new ServicePort(m.group("ip"), m.group("host") == null ? null : Integer.valueOf(m.group("host")),
                    Integer.parseInt(m.group("container")), protocol);
        } catch (IllegalArgumentException e) {
            throw new InvalidContainerException(line.strip() + ": " + e.getMessage());
        }
    }

    /**
     * {@code name:/path} (a named volume, made when missing), {@code /host/dir:/path} (a host directory), each with an
     * optional {@code :ro}.
     */
    public static VolumeBinding volume(String line) {
        String text = line.strip();
        String[] parts = text.split(":", -1);
        boolean readOnly = parts.length == 3 && parts[2].equals("ro");
        if (parts.length < 2 || parts.length > 3 || parts.length == 3 && !readOnly && !parts[2].equals("rw")) {
            throw new InvalidContainerException("a volume is written like data:/var/lib/data or /srv/site:/usr/share/html:ro, not \""
                    + text + "\"");
        }
        String source = parts[0];
        String target = parts[1];
        if (!target.startsWith("/")) {
            throw new InvalidContainerException(text + ": the path in the container must be absolute, not \"" + target + "\"");
        }
        if (source.startsWith("/")) {
            return new VolumeBinding(VolumeBinding.Kind.BIND, source, target, readOnly);
        }
        if (!VOLUME_NAME.matcher(source).matches()) {
            throw new InvalidContainerException(text + ": a volume name uses letters, digits, _ . and -, not \"" + source + "\"");
        }
        return new VolumeBinding(VolumeBinding.Kind.VOLUME, source, target, readOnly);
    }
}
