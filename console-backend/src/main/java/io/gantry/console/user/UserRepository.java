package io.gantry.console.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean any() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class);
        return count != null && count > 0;
    }

    Optional<StoredAccount> find(String username) {
        return jdbc.query("SELECT * FROM users WHERE username = ?", UserRepository::map, username).stream().findFirst();
    }

    void insert(String username, String passwordHash, Instant createdAt) {
        jdbc.update("INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?)",
                username, passwordHash, Timestamp.from(createdAt));
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.update("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id);
    }

    void recordFailure(long id, int failedLogins, @Nullable Instant lockedUntil) {
        jdbc.update("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                failedLogins, lockedUntil == null ? null : Timestamp.from(lockedUntil), id);
    }

    void resetFailures(long id) {
        jdbc.update("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", id);
    }

    private static StoredAccount map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new StoredAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getInt("failed_logins"), locked == null ? null : locked.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
