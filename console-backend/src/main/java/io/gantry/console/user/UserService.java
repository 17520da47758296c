package io.gantry.console.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Console accounts: creation, login with lockout, password change. Passwords are kept only as bcrypt hashes. */
@Service
public class UserService {

    public static final String ADMIN = "admin";
    public static final int MIN_PASSWORD_LENGTH = 10;

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    private static final String WRONG_CREDENTIALS = "Wrong user name or password.";

    private final UserRepository users;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    /** Compared against when the user does not exist, so that such a login takes as long as a real one. */
    private final String decoyHash = encoder.encode("decoy password of no account");

    UserService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean hasAnyAccount() {
        return users.any();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return users.find(username).map(StoredAccount::toAccount);
    }

    /** Creates an account; the user name must be new and the password must meet {@link #checkPassword}. */
    @Transactional
    public Account create(String username, String password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidPasswordException("User name must start with a lower-case letter and use only a-z, 0-9, '.', '_' or '-'.");
        }
        checkPassword(password);
        if (users.find(username).isPresent()) {
            throw new InvalidPasswordException("An account named " + username + " already exists.");
        }
        users.insert(username, encoder.encode(password), clock.instant());
        return users.find(username).orElseThrow().toAccount();
    }

    /**
     * Creates the {@code admin} account, but only while no account exists at all: first-run setup must not be a
     * way to take over a console that already has an owner.
     */
    @Transactional
    public Account createFirstAdmin(String password) {
        if (users.any()) {
            throw new InvalidPasswordException("This console already has an administrator; sign in instead.");
        }
        return create(ADMIN, password);
    }

    /**
     * Checks a login. A wrong password counts towards the lockout; while an account is locked every attempt is
     * refused without looking at the password; a right password resets the count.
     *
     * @throws AccountLockedException  while the account is locked
     * @throws LoginRejectedException for an unknown user or a wrong password
     */
    @Transactional(noRollbackFor = LoginRejectedException.class)
    public Account authenticate(String username, String password) {
        Optional<StoredAccount> found = users.find(username);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash);
            throw new LoginRejectedException(WRONG_CREDENTIALS);
        }
        StoredAccount account = found.get();
        Instant now = clock.instant();
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            throw new AccountLockedException(Duration.between(now, account.lockedUntil()));
        }
        if (!encoder.matches(password, account.passwordHash())) {
            int failures = account.failedLogins() + 1;
            Optional<Duration> lock = LockoutPolicy.lockAfter(failures);
            users.recordFailure(account.id(), failures, lock.map(now::plus).orElse(null));
            if (lock.isPresent()) {
                throw new AccountLockedException(lock.get());
            }
            throw new LoginRejectedException(WRONG_CREDENTIALS);
        }
        if (account.failedLogins() > 0) {
            users.resetFailures(account.id());
        }
        return account.toAccount();
    }

    /**
     * Changes a password after checking the current one.
     *
     * @throws LoginRejectedException   when the current password is wrong
     * @throws InvalidPasswordException when the new one breaks the rules
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        StoredAccount account = users.find(username)
                .orElseThrow(() -> new LoginRejectedException("No account named " + username + "."));
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throw new LoginRejectedException("The current password is not right.");
        }
        checkPassword(newPassword);
        users.updatePassword(account.id(), encoder.encode(newPassword));
    }

    /** The rule every password must meet; throws with the reason when it does not. */
    public static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidPasswordException("Password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.isBlank()) {
            throw new InvalidPasswordException("Password must not be blank.");
        }
    }
}
