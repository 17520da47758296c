package io.gantry.console.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RegistryRepository {

    /** A row as stored: the password still sealed. */
    record Row(long id, String name, String url, boolean enabled, @Nullable String username,
               @Nullable String passwordSealed) {

        Registry registry() {
            return new Registry(id, name, url, enabled, username, passwordSealed != null);
        }
    }

    private static final String COLUMNS = "id, name, url, enabled, username, password_sealed";

    private final JdbcTemplate jdbc;

    RegistryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM registries ORDER BY name, id", RegistryRepository::map);
    }

    Optional<Row> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM registries WHERE id = ?", RegistryRepository::map, id).stream()
                .findFirst();
    }

    boolean taken(String column, String value, long exceptId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM registries WHERE LOWER(" + column + ") = LOWER(?) "
                + "AND id <> ?", Integer.class, value, exceptId);
        return count != null && count > 0;
    }

    long insert(Row row) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO registries (name, url, enabled, username, "
                    + "password_sealed) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, row.name());
            statement.setString(2, row.url());
            statement.setBoolean(3, row.enabled());
            statement.setString(4, row.username());
            statement.setString(5, row.passwordSealed());
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    void update(Row row) {
        jdbc.update("UPDATE registries SET name = ?, url = ?, enabled = ?, username = ?, password_sealed = ? "
                + "WHERE id = ?", row.name(), row.url(), row.enabled(), row.username(), row.passwordSealed(), row.id());
    }

    boolean delete(long id) {
        return jdbc.update("DELETE FROM registries WHERE id = ?", id) > 0;
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("url"), rs.getBoolean("enabled"),
                rs.getString("username"), rs.getString("password_sealed"));
    }
}
