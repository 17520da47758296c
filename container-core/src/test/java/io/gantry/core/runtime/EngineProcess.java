package io.gantry.core.runtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An engine in a JVM of its own, for the engine-restart tests: {@code EngineProcess <data root>} reads lines
 * {@code run <restart policy> <shell script>} from stdin, runs each script in a busybox container and answers
 * {@code id <container id>}. It runs until it is killed, which is the point.
 */
public final class EngineProcess {

    private EngineProcess() {
    }

    public static void main(String[] args) throws Exception {
        TestEngine engine = TestEngine.open(Path.of(args[0]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split(" ", 3);
            if (f.length != 3 || !f[0].equals("run")) {
                System.out.println("error unknown command: " + line);
                continue;
            }
            String id = engine.runtime.create(engine.spec("sh", "-c", f[2]).restartPolicy(RestartPolicy.parse(f[1])).build());
            engine.runtime.start(id);
            System.out.println("id " + id);
            System.out.flush();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
