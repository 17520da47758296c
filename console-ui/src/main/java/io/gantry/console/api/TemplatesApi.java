package io.gantry.console.api;

import io.gantry.console.template.Parameter;
import io.gantry.console.template.Parameters;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/templates}: the template library (bundled and user templates). */
@RestController
@RequestMapping(path = "/api/templates", produces = MediaType.APPLICATION_JSON_VALUE)
class TemplatesApi {

    /** A template in a list. Ids look like {@code bundled:wordpress} or {@code user:7}. */
    record TemplateSummary(String id, String name, @Nullable String description, List<String> keywords,
                           @Nullable String type, boolean bundled, List<String> services) {
    }

    record TemplateService(String name, String image, @Nullable String description) {
    }

    /** What a deployment asks for: {@code key} is what {@code parameters} of a deploy request names. */
    record TemplateParameter(String key, String label, @Nullable String description, @Nullable String defaultValue,
                             boolean required, boolean secret) {
    }

    record TemplateDetail(String id, String name, @Nullable String description, List<String> keywords,
                          @Nullable String type, boolean bundled, @Nullable String documentation,
                          List<TemplateService> services, List<TemplateParameter> parameters) {
    }

    record Uploaded(TemplateSummary template, List<String> warnings) {
    }

    private final TemplateLibrary library;

    TemplatesApi(TemplateLibrary library) {
        this.library = library;
    }

    @GetMapping
    List<TemplateSummary> list() {
        return library.list().stream().map(TemplatesApi::summary).toList();
    }

    @GetMapping("/{id}")
    TemplateDetail get(@PathVariable String id) {
        TemplateEntry entry = library.get(id);
        Template t = entry.template();
        return new TemplateDetail(entry.id(), t.name(), t.description(), t.keywords(), t.type(), entry.bundled(),
                t.documentation(), t.images().stream().map(i -> new TemplateService(i.name(), i.image(),
                i.description())).toList(), Parameters.of(t).stream().map(TemplatesApi::parameter).toList());
    }

    /** The template as a {@code .pmx} file; secret values only with {@code includeSecrets=true}. */
    @GetMapping(path = "/{id}/pmx", produces = "application/yaml")
    String pmx(@PathVariable String id, @RequestParam(defaultValue = "false") boolean includeSecrets) {
        return library.downloadPmx(id, includeSecrets);
    }

    /** Uploads a {@code .pmx} or Compose file as the multipart part {@code file}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Uploaded> upload(@RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "template.pmx" : file.getOriginalFilename();
        TemplateLibrary.refuseIfTooLarge(name, file.getSize());
        return created(library.upload(name, file.getBytes()));
    }

    /** Uploads a {@code .pmx} or Compose document sent as the body; {@code fileName} tells which it is. */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Uploaded> uploadDocument(@RequestParam(defaultValue = "template.pmx") String fileName,
                                            InputStream body) throws IOException {
        byte[] content = body.readNBytes((int) TemplateLibrary.MAX_FILE_BYTES + 1); // no more than a template may be
        return created(library.upload(fileName, content));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        library.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Uploaded> created(TemplateLibrary.Upload upload) {
        return ResponseEntity.created(URI.create("/api/templates/" + upload.entry().id()))
                .body(new Uploaded(summary(upload.entry()), upload.warnings()));
    }

    static TemplateSummary summary(TemplateEntry entry) {
        Template t = entry.template();
        return new TemplateSummary(entry.id(), t.name(), t.description(), t.keywords(), t.type(), entry.bundled(),
                t.images().stream().map(i -> i.name()).toList());
    }

    private static TemplateParameter parameter(Parameter p) {
        return new TemplateParameter(p.key(), p.label(), p.description(), p.secret() ? null : p.defaultValue(),
                p.required(), p.secret());
    }
}
