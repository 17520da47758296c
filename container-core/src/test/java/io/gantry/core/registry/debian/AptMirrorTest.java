package io.gantry.core.registry.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AptMirrorTest {

    @Test
    void a_deb822_source_gives_the_uri_of_its_main_archive_stanza_not_the_security_one() {
        String sources = """
                Types: deb
                URIs: http://deb.debian.org/debian-security
                Suites: bookworm-security
                Components: main

                Types: deb
                # http://snapshot.debian.org/archive/debian/20250520T000000Z
                URIs: http://mirror.example.invalid/debian
                Suites: bookworm bookworm-updates
                Components: main contrib
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                """;

        assertThat(AptMirror.fromDeb822(sources)).contains(URI.create("http://mirror.example.invalid/debian"));
    }

    @Test
    void source_packages_and_other_components_are_not_a_mirror() {
        assertThat(AptMirror.fromDeb822("Types: deb-src\nURIs: http://a.invalid/debian\nSuites: bookworm\nComponents: main\n"))
                .isEmpty();
        assertThat(AptMirror.fromOneLine("deb http://b.invalid/debian bookworm contrib\n# deb http://c.invalid/debian bookworm main\n"))
                .isEmpty();
    }

    @Test
    void a_one_line_source_with_options_gives_its_uri() {
        String list = """
                deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main
                deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://ftp.example.invalid/debian bookworm main
                """;

        assertThat(AptMirror.fromOneLine(list)).contains(URI.create("http://ftp.example.invalid/debian"));
    }
}
