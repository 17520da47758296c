package io.gantry.core.container;

import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Docker's {@code top}: the host's {@code ps} run with the user's arguments (default {@code -ef}), its lines kept when
 * their PID is one of the container's, as dockerd does it, so that every {@code ps} format the user knows works and
 * the columns read as they would with Docker. Threads listed below a kept process ({@code -L}, {@code m}) stay with it.
 *
 * @param titles    the column titles of the ps header
 * @param processes one row per kept line; the last column holds the rest of the line (the command with its arguments)
 */
public record ProcessTable(List<String> titles, List<List<String>> processes) {

    /** A {@code -o name=PID} would rename a column to PID and make any line look like the container's. */
    private static final Pattern RENAMED_PID = Pattern.compile("\\s+([^\\s]*)=\\s*(PID[^\\s]*)");

    public ProcessTable {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }

    /** Runs {@code ps psArgs} and keeps the lines of {@code pids}. */
    public static ProcessTable of(List<Long> pids, String psArgs) {
        String args = psArgs.isBlank() ? "-ef" : psArgs;
        Matcher renamed = RENAMED_PID.matcher(args);
        while (renamed.find()) {
            if (!renamed.group(1).equals("pid")) {
                throw new InvalidArgumentException("specifying \"" + renamed.group(1) + "=" + renamed.group(2)
                        + "\" is not allowed");
            }
        }
        List<String> argv = new ArrayList<>(List.of("ps"));
        argv.addAll(Arrays.asList(args.split(" ")));
        return parse(run(argv), new TreeSet<>(pids));
    }

    static ProcessTable parse(String output, Set<Long> pids) {
        List<String> lines = output.lines().toList();
        if (lines.isEmpty()) {
            throw new FailedPreconditionException("ps printed nothing");
        }
        List<String> titles = fields(lines.get(0));
        int pidColumn = titles.indexOf("PID");
        if (pidColumn < 0) {
            throw new FailedPreconditionException("Couldn't find PID field in ps output");
        }
        List<List<String>> kept = new ArrayList<>();
        boolean previousKept = false;
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = fields(line);
            if (fields.size() <= pidColumn) {
                continue;
            }
            String pid = fields.get(pidColumn);
            if (pid.equals("-")) {
                if (previousKept) {
                    kept.add(row(fields, titles.size()));
                }
                continue;
            }
            try {
                previousKept = pids.contains(Long.parseLong(pid));
            } catch (NumberFormatException e) {
                throw new FailedPreconditionException("Unexpected pid '" + pid + "' in ps output");
            }
            if (previousKept) {
                kept.add(row(fields, titles.size()));
            }
        }
        return new ProcessTable(titles, kept);
    }

    /** The first {@code columns - 1} fields, then the rest of the line joined by single spaces. */
    private static List<String> row(List<String> fields, int columns) {
        if (fields.size() <= columns) {
            return fields;
        }
        List<String> row = new ArrayList<>(fields.subList(0, columns - 1));
        row.add(String.join(" ", fields.subList(columns - 1, fields.size())));
        return row;
    }

    /** Split on ASCII blanks only, as dockerd does: a command may contain other whitespace. */
    private static List<String> fields(String line) {
        return Arrays.stream(line.split("[ \\t\\n\\x0B\\f\\r]+")).filter(f -> !f.isEmpty()).collect(Collectors.toList());
    }

    private static String run(List<String> argv) {
        try {
            Process ps = new ProcessBuilder(argv).redirectErrorStream(false).start();
            ps.getOutputStream().close();
            byte[] out = ps.getInputStream().readAllBytes();
            String err = new String(ps.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ps.waitFor(30, TimeUnit.SECONDS)) {
                ps.destroyForcibly();
                throw new FailedPreconditionException("ps: no answer within 30 s");
            }
            if (ps.exitValue() != 0) {
                String why = err.lines().findFirst().orElse("exit status " + ps.exitValue());
                throw new FailedPreconditionException("ps: " + why);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FailedPreconditionException("ps: " + e.getMessage() + " (is procps installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedPreconditionException("ps: interrupted", e);
        }
    }
}
