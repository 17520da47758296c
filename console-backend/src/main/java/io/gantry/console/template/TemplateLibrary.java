package io.gantry.console.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template library: the bundled {@code templates/*.pmx} that ship in the jar and the templates users uploaded or
 * saved, kept in the database. Upload takes a {@code .pmx} or a Compose file; any template downloads as {@code .pmx}
 * or as Compose; only user templates can be deleted.
 */
@Service
public class TemplateLibrary {

    private static final String BUNDLED = "bundled:";
    private static final String USER = "user:";

    private final TemplateRepository repository;
    private final Clock clock;
    private final List<TemplateEntry> bundled;

    TemplateLibrary(TemplateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.bundled = loadBundled();
    }

    /** Every template, bundled and user, by name. */
    @Transactional(readOnly = true)
    public List<TemplateEntry> list() {
        List<TemplateEntry> all = new ArrayList<>(bundled);
        for (TemplateRepository.StoredTemplate stored : repository.all()) {
            all.add(toEntry(stored));
        }
        all.sort(Comparator.comparing((TemplateEntry e) -> e.template().name().toLowerCase(Locale.ROOT))
                .thenComparing(TemplateEntry::id));
        return all;
    }

    @Transactional(readOnly = true)
    public Optional<TemplateEntry> find(String id) {
        if (id.startsWith(BUNDLED)) {
            return bundled.stream().filter(e -> e.id().equals(id)).findFirst();
        }
        return userId(id).flatMap(repository::find).map(this::toEntry);
    }

    /** @throws TemplateNotFoundException when there is no such template */
    @Transactional(readOnly = true)
    public TemplateEntry get(String id) {
        return find(id).orElseThrow(() -> new TemplateNotFoundException(id));
    }

    /**
     * Templates whose name, description or keywords contain every word of the query (case-insensitive); a blank
     * query finds all.
     */
    @Transactional(readOnly = true)
    public List<TemplateEntry> search(String query) {
        List<String> words = Stream.of(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isBlank()).toList();
        return list().stream().filter(e -> {
            Template t = e.template();
            String haystack = (t.name() + "\n" + (t.description() == null ? "" : t.description()) + "\n"
                    + String.join("\n", t.keywords())).toLowerCase(Locale.ROOT);
            return words.stream().allMatch(haystack::contains);
        }).toList();
    }

    /** Keyword → number of templates that have it (keywords compared in lower case), in keyword order. */
    @Transactional(readOnly = true)
    public Map<String, Integer> keywordCloud() {
        Map<String, Integer> counts = new TreeMap<>();
        for (TemplateEntry entry : list()) {
            entry.template().keywords().stream().map(k -> k.trim().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty())
                    .distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        return counts;
    }

    /** The largest template file read: UTF-8 takes up to four bytes for each character a template may have. */
    public static final long MAX_FILE_BYTES = 4L * SafeYaml.MAX_CHARS;

    /**
     * Refuses a file larger than any template may be before it is read into memory.
     *
     * @throws TemplateFormatException when it is
     */
    public static void refuseIfTooLarge(String fileName, long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw SafeYaml.tooLarge(fileName, bytes);
        }
    }

    /**
     * Adds an uploaded {@code .pmx} or Compose file (told apart by its name, else by its content). The file must
     * read and validate; dangers do not stop an upload (they are confirmed when deploying).
     *
     * @throws TemplateFormatException   when it cannot be read (too large, not YAML, fields of the wrong shape)
     * @throws TemplateRejectedException when it does not validate; the problems name service and field
     */
    @Transactional
    public Upload upload(String fileName, byte[] content) {
        refuseIfTooLarge(fileName, content.length);
        if (content.length > SafeYaml.MAX_CHARS) {
            throw SafeYaml.tooLarge(fileName, content.length);
        }
        String text = decode(fileName, content);
        boolean compose = isCompose(fileName, text);
        List<String> warnings = List.of();
        Template template;
        if (compose) {
            ComposeReader.ComposeImport read = ComposeReader.read(text, fileName, baseName(fileName));
            template = read.template();
            warnings = read.warnings();
        } else {
            template = PmxReader.read(text, fileName);
        }
        ValidationReport report = requireValid(template, fileName);
        long id = repository.insert(template, compose ? Origin.Format.COMPOSE : Origin.Format.PMX, text, clock.instant());
        return new Upload(new TemplateEntry(USER + id, template, false), report, warnings);
    }

    /** What an upload gave: the new entry, its dangers (to show) and what of a Compose file is not carried out. */
    public record Upload(TemplateEntry entry, ValidationReport report, List<String> warnings) {
        public Upload {
            warnings = List.copyOf(warnings);
        }
    }

    /** Saves a template made in the console (e.g. from an application) as a user template in {@code .pmx}. */
    @Transactional
    public TemplateEntry save(Template template, boolean includeSecrets) {
        requireValid(template, template.name());
        Template stored = includeSecrets ? template : Parameters.withoutSecrets(template);
        String content = PmxWriter.write(stored);
        long id = repository.insert(stored, Origin.Format.PMX, content, clock.instant());
        return new TemplateEntry(USER + id, stored, false);
    }

    /** The template as a {@code .pmx} document; secret values are left out unless {@code includeSecrets}. */
    @Transactional(readOnly = true)
    public String downloadPmx(String id, boolean includeSecrets) {
        Template t = get(id).template();
        return PmxWriter.write(includeSecrets ? t : Parameters.withoutSecrets(t));
    }

    /** The template as a {@code docker-compose.yml}; secret values are left out unless {@code includeSecrets}. */
    @Transactional(readOnly = true)
    public String downloadCompose(String id, boolean includeSecrets) {
        Template t = get(id).template();
        return ComposeWriter.write(includeSecrets ? t : Parameters.withoutSecrets(t));
    }

    /**
     * Deletes a user template.
     *
     * @throws TemplateRejectedException for a bundled template
     * @throws TemplateNotFoundException when there is no such template
     */
    @Transactional
    public void delete(String id) {
        if (id.startsWith(BUNDLED) && find(id).isPresent()) {
            throw new TemplateRejectedException("The template " + get(id).template().name()
                    + " ships with Gantry and cannot be deleted.", List.of());
        }
        if (!userId(id).map(repository::delete).orElse(false)) {
            throw new TemplateNotFoundException(id);
        }
    }

    /** Checks a template: problems that stop it and dangers the user must confirm before deploying. */
    public ValidationReport check(Template template) {
        return TemplateValidator.validate(template);
    }

    /** The template's documentation as safe HTML. */
    @Transactional(readOnly = true)
    public String documentationHtml(String id) {
        return Documentation.toHtml(get(id).template().documentation());
    }

    private static ValidationReport requireValid(Template template, String what) {
        ValidationReport report = TemplateValidator.validate(template);
        if (!report.isValid()) {
            throw new TemplateRejectedException(what + " is not a valid template: " + String.join(" ",
                    report.problems().stream().map(ValidationReport.Problem::message).toList()), report.problems());
        }
        return report;
    }

    private TemplateEntry toEntry(TemplateRepository.StoredTemplate stored) {
        String where = "template " + USER + stored.id();
        Template template = stored.format() == Origin.Format.COMPOSE
                ? ComposeReader.read(stored.content(), where, stored.name()).template()
                : PmxReader.read(stored.content(), where);
        return new TemplateEntry(USER + stored.id(), template, false);
    }

    private static Optional<Long> userId(String id) {
        if (!id.startsWith(USER) || !id.substring(USER.length()).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id.substring(USER.length())));
    }

    private static boolean isCompose(String fileName, String text) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pmx")) {
            return false;
        }
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return !text.lines().anyMatch(l -> l.startsWith("images:"));
        }
        return text.lines().anyMatch(l -> l.startsWith("services:"));
    }

    private static String baseName(String fileName) {
        String base = fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.(ya?ml|pmx)$", "");
        return base.isBlank() || base.matches("(docker-)?compose") ? "Imported application" : base;
    }

    private static String decode(String fileName, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new TemplateFormatException(fileName + ": not UTF-8 text.", e);
        }
    }

    private static List<TemplateEntry> loadBundled() {
        List<TemplateEntry> entries = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*.pmx");
            for (Resource resource : resources) {
                String file = String.valueOf(resource.getFilename());
                try (InputStream in = resource.getInputStream()) {
                    String text = new String(in.readNBytes(SafeYaml.MAX_CHARS + 1), StandardCharsets.UTF_8);
                    entries.add(new TemplateEntry(BUNDLED + file.replaceAll("\\.pmx$", ""),
                            PmxReader.read(text, "templates/" + file), true));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled templates: " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(TemplateEntry::id));
        return List.copyOf(entries);
    }
}
