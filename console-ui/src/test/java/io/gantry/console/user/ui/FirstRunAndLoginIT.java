package io.gantry.console.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.Browser;
import io.gantry.console.testing.ConsoleProcess;
import io.gantry.console.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A first visit to a fresh console, through setup, the search page and the dashboard, logout, failed and good logins, and a restart. */
class FirstRunAndLoginIT {

    static final String PASSWORD = "a long admin password";

    Path data;
    Path log;
    Browser browser;

    @BeforeEach
    void freshDataRoot() throws IOException {
        data = Files.createTempDirectory("gantry-it-data");
        log = Files.createTempFile("gantry-it-console", ".log");
        browser = new Browser();
    }

    @AfterEach
    void cleanUp() throws IOException {
        browser.close();
        TestFiles.deleteTree(data);
        Files.deleteIfExists(log);
    }

    @Test
    void a_new_console_is_set_up_in_the_browser_and_keeps_its_account_across_restarts() throws Exception {
        try (ConsoleProcess console = ConsoleProcess.start(data, log, Map.of())) {
            System.out.printf("FIGURE console-start-ms=%d%n", console.startTime().toMillis());

            browser.open(console.url("/"));
            browser.awaitPath("/setup");
            assertThat(browser.isPresent("#setup-password")).as("first visit shows the setup page").isTrue();
            browser.screenshot("first-run");
            browser.type("#setup-password", "too short");
            browser.type("#setup-confirmation", "too short");
            browser.click("#setup-create");
            assertThat(browser.find("#setup-password").getAttribute("invalid")).isNotNull();
            browser.type("#setup-password", PASSWORD);
            browser.type("#setup-confirmation", PASSWORD);
            browser.click("#setup-create");

            browser.find("#login-notice");
            signIn("admin", PASSWORD);
            browser.find("#search-box");
            browser.open(console.url("/dashboard"));
            assertThat(browser.text("#host-cpus")).isEqualTo(Integer.toString(cpusFromProc()));
            assertThat(browser.text("#host-kernel")).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
            assertThat(browser.text("#host-data-root")).isEqualTo(data.toString());
            browser.screenshot("dashboard");
            assertThat(dockerCli(browser.text("#engine-url"), "info"))
                    .as("the docker CLI drives the embedded engine while the console runs")
                    .contains("Docker Root Dir: " + data);
            System.out.printf("FIGURE console-idle-rss-kib=%d%n", console.rssKib());

            browser.click("#logout");
            browser.awaitPath("/login");
            browser.open(console.url("/dashboard"));
            browser.awaitPath("/login");
            assertThat(browser.isPresent("#login-form")).isTrue();

            signIn("admin", "not the password");
            assertThat(loginError()).contains("Wrong user name or password.");
            browser.screenshot("login-failed");
            signIn("admin", PASSWORD);
            browser.find("#host-cpus");
            assertThat(browser.text("#current-user")).isEqualTo("admin");
        }

        try (ConsoleProcess restarted = ConsoleProcess.start(data, log, Map.of())) {
            browser.open(restarted.url("/"));
            browser.awaitPath("/login");
            assertThat(browser.isPresent("#setup-password")).as("no setup page once an account exists").isFalse();
            signIn("admin", PASSWORD);
            browser.find("#search-box");
            browser.open(restarted.url("/dashboard"));
            assertThat(browser.text("#host-cpus")).isEqualTo(Integer.toString(cpusFromProc()));
        }
    }

    @Test
    void five_wrong_passwords_lock_the_account_with_a_message_saying_so() throws Exception {
        try (ConsoleProcess console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD))) {
            browser.open(console.url("/"));
            browser.awaitPath("/login");
            for (int i = 0; i < 4; i++) {
                signIn("admin", "wrong password " + i);
                assertThat(loginError()).contains("Wrong user name or password.");
            }
            signIn("admin", "wrong password 5");
            assertThat(loginError()).contains("Account locked").contains("30 s");
            signIn("admin", PASSWORD);
            assertThat(loginError()).as("the right password is refused while locked").contains("Account locked");
            browser.screenshot("login-locked");
        }
    }

    private void signIn(String user, String password) {
        browser.find("#login-form");
        browser.type("#login-form vaadin-text-field[name='username']", user);
        browser.type("#login-form vaadin-password-field[name='password']", password);
        browser.clickAndAwaitNewPage("#login-form vaadin-button[theme~='submit']");
    }

    /** The login form's error box, rendered inside the form wrapper's shadow root. */
    private String loginError() {
        browser.awaitPath("/login");
        browser.find("#login-form[error]");
        Object text = browser.script(
                "const w = document.querySelector('#login-form vaadin-login-form-wrapper') || document.querySelector('vaadin-login-form-wrapper');"
                        + "const part = (w.shadowRoot && w.shadowRoot.querySelector('[part=error-message]'));"
                        + "const slotted = w.querySelector('[slot=error-message]');"
                        + "return (part ? part.innerText : '') + ' ' + (slotted ? slotted.innerText : '');");
        return String.valueOf(text);
    }

    private static String dockerCli(String engineUrl, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("docker", "-H", engineUrl));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    private static int cpusFromProc() throws IOException {
        return (int) Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
    }
}
