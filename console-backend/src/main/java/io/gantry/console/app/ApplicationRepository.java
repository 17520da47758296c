package io.gantry.console.app;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

    private static final String COLUMNS = "id, name, slug, template_id, engine, created_at";

    private final JdbcTemplate jdbc;

    ApplicationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new application (its id is ignored) and returns it with the id it got. */
    Application insert(Application app) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO applications (name, slug, template_id, engine, "
                    + "created_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, app.name());
            statement.setString(2, app.slug());
            statement.setString(3, app.templateId());
            statement.setString(4, app.engine());
            statement.setTimestamp(5, Timestamp.from(app.created()));
            return statement;
        }, keys);
        return new Application(keys.getKey().longValue(), app.name(), app.slug(), app.templateId(), app.engine(),
                app.created());
    }

    List<Application> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM applications ORDER BY id", ApplicationRepository::map);
    }

    List<Application> onEngine(String engine) {
        return jdbc.query("SELECT " + COLUMNS + " FROM applications WHERE engine = ? ORDER BY id",
                ApplicationRepository::map, engine);
    }

    Optional<Application> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM applications WHERE id = ?", ApplicationRepository::map, id)
                .stream().findFirst();
    }

    boolean slugTaken(String slug) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM applications WHERE slug = ?", Integer.class, slug);
        return count != null && count > 0;
    }

    boolean rename(long id, String name) {
        return jdbc.update("UPDATE applications SET name = ? WHERE id = ?", name, id) > 0;
    }

    boolean delete(long id) {
        return jdbc.update("DELETE FROM applications WHERE id = ?", id) > 0;
    }

    List<AppService> services(long applicationId) {
        return jdbc.query("SELECT settings, container_id FROM app_services WHERE application_id = ? ORDER BY position",
                (rs, row) -> ServiceJson.read(rs.getString("settings"), rs.getString("container_id")), applicationId);
    }

    /** Replaces all services of an application with these, in this order. */
    void replaceServices(long applicationId, List<AppService> services) {
        jdbc.update("DELETE FROM app_services WHERE application_id = ?", applicationId);
        for (int i = 0; i < services.size(); i++) {
            AppService s = services.get(i);
            jdbc.update("INSERT INTO app_services (application_id, name, position, settings, container_id) "
                    + "VALUES (?, ?, ?, ?, ?)", applicationId, s.name(), i, ServiceJson.write(s), s.containerId());
        }
    }

    boolean setContainer(long applicationId, String service, @Nullable String containerId) {
        return jdbc.update("UPDATE app_services SET container_id = ? WHERE application_id = ? AND name = ?",
                containerId, applicationId, service) > 0;
    }

    private static Application map(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                rs.getString("template_id"), rs.getString("engine"), rs.getTimestamp("created_at").toInstant());
    }
}
