package io.gantry.console.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

    private static final int ACTOR = 64;
    private static final int ACTION = 64;
    private static final int TARGET = 255;
    private static final int DETAIL = 1000;

    private final JdbcTemplate jdbc;

    ActivityRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, Actor actor, String action, String target, boolean failed, String detail) {
        jdbc.update("INSERT INTO activity (at, actor, source, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(at), cut(actor.name(), ACTOR), actor.source().name(), cut(action, ACTION),
                cut(target, TARGET), failed ? "failed" : "ok", cut(detail, DETAIL));
    }

    /** Newest first. */
    List<ActivityEntry> find(ActivityFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM activity" + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                ActivityRepository::map, args.toArray());
    }

    int count(ActivityFilter filter) {
        List<Object> args = new ArrayList<>();
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM activity" + where(filter, args), Integer.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM activity WHERE at < ?", Timestamp.from(cutoff));
    }

    private static String where(ActivityFilter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (!filter.text().isEmpty()) {
            conditions.add("(LOWER(actor) LIKE ? OR LOWER(action) LIKE ? OR LOWER(target) LIKE ? OR LOWER(detail) LIKE ?)");
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 4; i++) {
                args.add(like);
            }
        }
        if (filter.source() != null) {
            conditions.add("source = ?");
            args.add(filter.source().name());
        }
        if (filter.since() != null) {
            conditions.add("at >= ?");
            args.add(Timestamp.from(filter.since()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static ActivityEntry map(ResultSet rs, int row) throws SQLException {
        return new ActivityEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                new Actor(rs.getString("actor"), ActivitySource.valueOf(rs.getString("source"))), rs.getString("action"),
                rs.getString("target"), "failed".equals(rs.getString("outcome")), rs.getString("detail"));
    }
}
