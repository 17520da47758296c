package io.gantry.console.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TemplateRepository {

    /**
     * A stored user template: its document as written, in its own format, and the name it was stored under (which a
     * Compose file need not contain).
     */
    record StoredTemplate(long id, String name, Origin.Format format, String content) {
    }

    private final JdbcTemplate jdbc;

    TemplateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredTemplate> all() {
        return jdbc.query("SELECT id, name, format, content FROM templates ORDER BY id", TemplateRepository::map);
    }

    Optional<StoredTemplate> find(long id) {
        return jdbc.query("SELECT id, name, format, content FROM templates WHERE id = ?", TemplateRepository::map, id)
                .stream().findFirst();
    }

    long insert(Template template, Origin.Format format, String content, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO templates (name, description, keywords, format, "
                    + "content, created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, truncate(template.name(), 200));
            statement.setString(2, template.description() == null ? null : truncate(template.description(), 4000));
            statement.setString(3, truncate(String.join(", ", template.keywords()), 4000));
            statement.setString(4, format.name().toLowerCase(java.util.Locale.ROOT));
            statement.setString(5, content);
            statement.setTimestamp(6, Timestamp.from(now));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    boolean delete(long id) {
        return jdbc.update("DELETE FROM templates WHERE id = ?", id) > 0;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static StoredTemplate map(ResultSet rs, int row) throws SQLException {
        return new StoredTemplate(rs.getLong("id"), rs.getString("name"),
                Origin.Format.valueOf(rs.getString("format").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("content"));
    }
}
