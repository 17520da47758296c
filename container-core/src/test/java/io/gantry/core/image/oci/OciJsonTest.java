package io.gantry.core.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciJsonTest {

    @Test
    void reads_a_docker_schema2_manifest() {
        Manifest manifest = OciJson.parseManifest(fixture("docker-manifest.json"));
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        Descriptor config = manifest.config().toDescriptor();
        assertThat(config.mediaType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
        assertThat(config.size()).isEqualTo(1457);
        assertThat(manifest.layers()).singleElement()
                .satisfies(layer -> assertThat(MediaTypes.isGzipLayer(layer.mediaType())).isTrue());
    }

    @Test
    void reads_an_oci_manifest_with_gzip_and_plain_layers_and_annotations() {
        Manifest manifest = OciJson.parseManifest(fixture("oci-manifest.json"));
        assertThat(manifest.layers()).extracting(OciDescriptor::mediaType)
                .containsExactly(MediaTypes.OCI_LAYER_GZIP, MediaTypes.OCI_LAYER_GZIP, MediaTypes.OCI_LAYER);
        assertThat(manifest.layers()).allMatch(layer -> MediaTypes.isSupportedLayer(layer.mediaType()));
        assertThat(manifest.annotations()).containsEntry("com.example.key1", "value1");
    }

    @Test
    void picks_linux_amd64_from_a_docker_manifest_list() {
        ImageIndex list = OciJson.parseIndex(fixture("docker-manifest-list.json"));
        assertThat(list.select(Platform.LINUX_AMD64)).get().extracting(OciDescriptor::digest)
                .isEqualTo("sha256:907ca53d7e2947e849b839b1cd258c98fd3916c60f2e6e70c30edbf741ab6754");
        assertThat(list.select(new Platform("arm64", "linux", null, List.of(), "v8"))).get()
                .extracting(OciDescriptor::digest).asString().startsWith("sha256:c9249f");
        assertThat(list.select(Platform.of("linux", "s390x"))).isEmpty();
    }

    @Test
    void skips_attestations_and_prefers_an_exact_variant_in_an_oci_index() {
        ImageIndex index = OciJson.parseIndex(fixture("oci-index-with-attestations.json"));
        assertThat(index.select(Platform.LINUX_AMD64)).get().extracting(OciDescriptor::digest).asString()
                .startsWith("sha256:2222");
        assertThat(index.select(new Platform("amd64", "linux", null, List.of(), "v3"))).get()
                .extracting(OciDescriptor::digest).asString().startsWith("sha256:3333");
        assertThat(index.select(Platform.of("unknown", "unknown"))).isEmpty();
        assertThat(index.manifests().get(4).platform().osVersion()).isEqualTo("10.0.20348.2340");
    }

    @Test
    void reads_a_config_with_docker_fields() {
        ImageConfig config = OciJson.parseConfig(fixture("docker-config.json"));
        assertThat(config.os()).isEqualTo("linux");
        assertThat(config.architecture()).isEqualTo("amd64");
        assertThat(config.config().cmd()).containsExactly("sh");
        assertThat(config.config().exposedPorts()).containsKey("80/tcp");
        assertThat(config.config().volumes()).containsKey("/data");
        assertThat(config.config().healthcheck().interval()).isEqualTo(30_000_000_000L);
        assertThat(config.rootfs().diffIds()).hasSize(1);
        assertThat(config.history()).extracting(ImageConfig.History::emptyLayer).containsExactly(false, true);
    }

    @Test
    void detects_the_media_type_from_the_field_or_the_shape() {
        assertThat(OciJson.mediaTypeOf(fixture("docker-manifest-list.json"))).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        assertThat(OciJson.mediaTypeOf(bytes("{\"schemaVersion\":2,\"manifests\":[]}"))).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(OciJson.mediaTypeOf(bytes("{\"schemaVersion\":2,\"config\":{}}"))).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThatThrownBy(() -> OciJson.mediaTypeOf(bytes("[]"))).isInstanceOf(ImageFormatException.class);
    }

    @Test
    void written_records_read_back_equal_and_keep_zero_sizes() {
        Descriptor empty = Descriptor.of(MediaTypes.OCI_LAYER, new byte[0]);
        Manifest manifest = Manifest.of(MediaTypes.OCI_MANIFEST,
                OciDescriptor.of(Descriptor.of(MediaTypes.OCI_CONFIG, bytes("{}"))), List.of(OciDescriptor.of(empty)));
        byte[] json = OciJson.write(manifest);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"size\":0").doesNotContain("null");
        assertThat(OciJson.parseManifest(json)).isEqualTo(manifest);

        ImageConfig config = new ImageConfig(null, null, "amd64", "linux", null,
                new ImageConfig.ContainerConfig(null, Map.of(), List.of("A=1"), List.of(), List.of("sh"), Map.of(), null,
                        Map.of(), null, null),
                new ImageConfig.RootFs("layers", List.of(empty.digest().toString())), List.of());
        assertThat(new String(OciJson.write(config), StandardCharsets.UTF_8)).contains("\"Cmd\":[\"sh\"]", "\"diff_ids\"");
        assertThat(OciJson.parseConfig(OciJson.write(config))).isEqualTo(config);
    }

    @Test
    void refuses_documents_the_specs_do_not_allow() {
        assertThatThrownBy(() -> OciJson.parseManifest(bytes("{\"schemaVersion\":1}")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("schemaVersion 1");
        assertThatThrownBy(() -> OciJson.parseManifest(fixture("docker-manifest-list.json")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("not an image manifest");
        assertThatThrownBy(() -> OciJson.parseIndex(fixture("oci-manifest.json")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("not an index");
        assertThatThrownBy(() -> OciJson.parseManifest(bytes(
                "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:../../etc\",\"size\":1}}")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("invalid descriptor");
        assertThatThrownBy(() -> OciJson.parseConfig(bytes("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"nope\"]}}")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("diff_id");
        assertThatThrownBy(() -> OciJson.parseConfig(bytes("{\"os\":\"linux\"}")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("rootfs");
        assertThatThrownBy(() -> OciJson.parseIndex(bytes("{\"schemaVersion\":2,")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("malformed index JSON");
    }

    @Test
    void the_digest_of_written_bytes_names_the_document() {
        byte[] json = fixture("oci-manifest.json");
        assertThat(Digest.of(json)).isEqualTo(Descriptor.of(MediaTypes.OCI_MANIFEST, json).digest());
    }

    private static byte[] fixture(String name) {
        try (InputStream in = OciJsonTest.class.getResourceAsStream("/image/oci/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
