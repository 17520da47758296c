package io.gantry.console.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class UserServiceTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    static final String PASSWORD = "correct horse battery";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc.update("DELETE FROM users");
    }

    @Test
    void the_first_admin_can_be_created_once_and_then_logs_in() {
        assertThat(users.hasAnyAccount()).isFalse();

        users.createFirstAdmin(PASSWORD);

        assertThat(users.hasAnyAccount()).isTrue();
        assertThat(users.authenticate("admin", PASSWORD).username()).isEqualTo("admin");
        assertThatThrownBy(() -> users.createFirstAdmin("another password"))
                .isInstanceOf(InvalidPasswordException.class).hasMessageContaining("already has an administrator");
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes() {
        users.create("alice", PASSWORD);

        String hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE username = 'alice'", String.class);
        assertThat(hash).startsWith("$2a$").doesNotContain(PASSWORD);
    }

    @Test
    void passwords_shorter_than_ten_characters_are_refused() {
        assertThatThrownBy(() -> users.create("alice", "123456789"))
                .isInstanceOf(InvalidPasswordException.class).hasMessage("Password must have at least 10 characters.");
        assertThat(users.hasAnyAccount()).isFalse();
    }

    @Test
    void a_wrong_password_is_rejected_without_saying_whether_the_user_exists() {
        users.create("alice", PASSWORD);

        assertThatThrownBy(() -> users.authenticate("alice", "wrong password"))
                .isExactlyInstanceOf(LoginRejectedException.class).hasMessage("Wrong user name or password.");
        assertThatThrownBy(() -> users.authenticate("bob", "wrong password"))
                .isExactlyInstanceOf(LoginRejectedException.class).hasMessage("Wrong user name or password.");
    }

    @Test
    void five_failures_in_a_row_lock_the_account_for_thirty_seconds() {
        users.create("alice", PASSWORD);
        failTimes(4);

        assertThatThrownBy(() -> users.authenticate("alice", "wrong"))
                .isInstanceOf(AccountLockedException.class).hasMessageContaining("Try again in 30 s");
        CLOCK.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> users.authenticate("alice", PASSWORD))
                .as("even the right password is refused while locked").isInstanceOf(AccountLockedException.class)
                .hasMessageContaining("1 s");
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(users.authenticate("alice", PASSWORD).username()).isEqualTo("alice");
    }

    @Test
    void each_further_failure_doubles_the_lock_up_to_fifteen_minutes() {
        users.create("alice", PASSWORD);
        failTimes(4);
        long[] expectedSeconds = {30, 60, 120, 240, 480, 900, 900};
        for (long expected : expectedSeconds) {
            AccountLockedException locked = (AccountLockedException) catchFailure();
            assertThat(locked.retryAfter()).isEqualTo(Duration.ofSeconds(expected));
            CLOCK.advance(locked.retryAfter());
        }
    }

    @Test
    void a_success_resets_the_count_of_failures() {
        users.create("alice", PASSWORD);
        failTimes(4);
        users.authenticate("alice", PASSWORD);

        failTimes(4);

        assertThat(users.authenticate("alice", PASSWORD).username()).isEqualTo("alice");
    }

    @Test
    void a_password_change_needs_the_current_password_and_a_valid_new_one() {
        users.create("alice", PASSWORD);

        assertThatThrownBy(() -> users.changePassword("alice", "not it at all", "a brand new password"))
                .isInstanceOf(LoginRejectedException.class).hasMessage("The current password is not right.");
        assertThatThrownBy(() -> users.changePassword("alice", PASSWORD, "short"))
                .hasMessageContaining("at least 10");
        users.changePassword("alice", PASSWORD, "a brand new password");

        assertThat(users.authenticate("alice", "a brand new password").username()).isEqualTo("alice");
        assertThatThrownBy(() -> users.authenticate("alice", PASSWORD)).isInstanceOf(LoginRejectedException.class);
    }

    @Test
    void user_names_are_checked() {
        assertThatThrownBy(() -> users.create("Robert'); DROP TABLE users;--", PASSWORD))
                .isInstanceOf(InvalidPasswordException.class).hasMessageContaining("User name");
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> users.authenticate("alice", "wrong"))
                    .isExactlyInstanceOf(LoginRejectedException.class);
        }
    }

    private Throwable catchFailure() {
        try {
            users.authenticate("alice", "wrong");
        } catch (LoginRejectedException e) {
            return e;
        }
        throw new AssertionError("login with a wrong password succeeded");
    }
}
