package io.gantry.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    private static final String HEX = "7b3ccabffc97de872a30dfd234fd972a66d247c8cfc69b0550f276481852627c";

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
        busybox                          | docker.io/library/busybox:latest
        busybox:1.36                     | docker.io/library/busybox:1.36
        library/busybox                  | docker.io/library/busybox:latest
        docker.io/busybox                | docker.io/library/busybox:latest
        index.docker.io/busybox:1        | docker.io/library/busybox:1
        docker.io/library/busybox        | docker.io/library/busybox:latest
        user/app                         | docker.io/user/app:latest
        user/app:v1.0-rc_2               | docker.io/user/app:v1.0-rc_2
        localhost/app                    | localhost/app:latest
        localhost:5000/app               | localhost:5000/app:latest
        127.0.0.1:5000/team/app:2        | 127.0.0.1:5000/team/app:2
        registry.example.org/a/b/c       | registry.example.org/a/b/c:latest
        [::1]:5000/app:3                 | [::1]:5000/app:3
        Registry/app                     | Registry/app:latest
        my-registry:443/x_y__z.w---v     | my-registry:443/x_y__z.w---v:latest
        """)
    void normalises_like_docker(String input, String canonical) {
        assertThat(ImageReference.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource(delimiter = '|', textBlock = """
        busybox                            | busybox:latest
        docker.io/library/busybox:1        | busybox:1
        user/app:2                         | user/app:2
        127.0.0.1:5000/app:3               | 127.0.0.1:5000/app:3
        """)
    void prints_the_familiar_form(String input, String familiar) {
        assertThat(ImageReference.parse(input).familiar()).isEqualTo(familiar);
    }

    @Test
    void a_digest_pins_the_reference_without_a_default_tag() {
        ImageReference ref = ImageReference.parse("busybox@sha256:" + HEX);
        assertThat(ref.tag()).isNull();
        assertThat(ref.digest()).hasToString("sha256:" + HEX);
        assertThat(ref.manifestReference()).isEqualTo("sha256:" + HEX);
        assertThat(ref).hasToString("docker.io/library/busybox@sha256:" + HEX);
    }

    @Test
    void a_tag_and_a_digest_are_both_kept_and_the_digest_is_what_is_fetched() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/app:1@sha256:" + HEX);
        assertThat(ref.domain()).isEqualTo("127.0.0.1:5000");
        assertThat(ref.path()).isEqualTo("app");
        assertThat(ref.tag()).isEqualTo("1");
        assertThat(ref.manifestReference()).isEqualTo("sha256:" + HEX);
        assertThat(ref).hasToString("127.0.0.1:5000/app:1@sha256:" + HEX);
    }

    @Test
    void a_tag_is_what_is_fetched_when_there_is_no_digest() {
        ImageReference ref = ImageReference.parse("localhost:5000/app");
        assertThat(ref.manifestReference()).isEqualTo("latest");
        assertThat(ref.name()).isEqualTo("localhost:5000/app");
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
        ''                                 | empty reference
        BusyBox                            | must be lowercase
        user/App                           | must be lowercase
        busybox:                           | empty tag
        busybox:-bad                       | invalid tag
        busybox:a/b                        | invalid registry
        busybox@sha256:abc                 | malformed sha256 digest
        busybox@md5:0123                   | unsupported digest algorithm
        busybox@                           | malformed digest
        busy..box                          | invalid repository name
        -busybox                           | invalid repository name
        busybox_                           | invalid repository name
        a//b                               | invalid repository name
        host:port:5000/app                 | invalid registry
        http://registry/app                | invalid
        7b3ccabffc97de872a30dfd234fd972a66d247c8cfc69b0550f276481852627c | 64-byte hexadecimal
        """)
    void refuses_invalid_references_with_a_clear_message(String input, String reason) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("invalid reference format '" + input + "'")
                .hasMessageContaining(reason);
    }

    @Test
    void refuses_names_longer_than_255_characters() {
        String longName = "a".repeat(250) + "/b";
        assertThatThrownBy(() -> ImageReference.parse("registry.io/" + longName))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("longer than 255");
    }

    @Test
    void refuses_tags_longer_than_128_characters() {
        assertThatThrownBy(() -> ImageReference.parse("app:" + "t".repeat(129)))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("invalid tag");
        assertThat(ImageReference.parse("app:" + "t".repeat(128)).tag()).hasSize(128);
    }
}
