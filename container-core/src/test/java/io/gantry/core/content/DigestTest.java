package io.gantry.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DigestTest {

    private static final String HEX = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @Test
    void parses_and_prints_a_sha256_digest() {
        Digest digest = Digest.parse("sha256:" + HEX);
        assertThat(digest.hex()).isEqualTo(HEX);
        assertThat(digest).hasToString("sha256:" + HEX);
        assertThat(digest.shortHex()).isEqualTo("2cf24dba5fb0");
    }

    @Test
    void hashes_bytes() {
        assertThat(Digest.of("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(Digest.parse("sha256:" + HEX));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", HEX, "sha256:", "sha256:abc", "sha256:" + HEX + "0", "SHA256:" + HEX,
        "sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
        "sha512:" + HEX + HEX, "md5:" + HEX, "sha256:../../../../etc/passwd", "sha256:cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824/"
    })
    void rejects_malformed_digests(String text) {
        assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digest");
    }
}
