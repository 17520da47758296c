package io.gantry.console.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals secrets (registry passwords) for the database with AES-256-GCM under a key that lives only in a file of the
 * data root, readable by its owner alone (mode 0600): a copy of the database without the key file reveals nothing.
 * Each value gets a fresh 96-bit nonce and is bound to its context (the registry's address), so a sealed value moved
 * to another registry does not open. Sealed form: {@code v1:} and base64 of nonce, ciphertext and tag.
 */
final class CredentialCipher {

    static final String KEY_FILE = "credentials.key";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialCipher.class);
    private static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private CredentialCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The cipher with the key in {@code directory}, created there (mode 0600) on first use. */
    static CredentialCipher withKeyIn(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(KEY_FILE);
            if (!Files.exists(file)) {
                create(file);
            }
            return new CredentialCipher(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the credentials key " + directory.resolve(KEY_FILE)
                    + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    String seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** @throws InvalidRegistryException when the value was sealed under another key or context, or is damaged */
    String open(String sealed, String context) {
        if (!sealed.startsWith(PREFIX)) {
            throw new InvalidRegistryException("A stored password is not in a form this console seals.");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new InvalidRegistryException("A stored password is damaged.");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE_BYTES), context);
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new InvalidRegistryException("The stored password of " + context + " does not open with this "
                    + "console's key (" + KEY_FILE + " was replaced?); enter it again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Written under a temporary name with mode 0600 from the start, then linked: never readable by others. */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = file.resolveSibling(file.getFileName() + ".new-" + ProcessHandle.current().pid());
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            channel.write(ByteBuffer.wrap(key));
            channel.force(true);
        }
        try {
            Files.createLink(file, temporary); // unlike a rename, a link never replaces a key another console made
        } catch (FileAlreadyExistsException raced) {
            // another console made it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] read(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn("{} was readable by others ({}); it is now readable by its owner only.", file,
                    PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            throw new IOException("it holds " + key.length + " bytes, not a " + KEY_BYTES * 8 + "-bit key");
        }
        return key;
    }
}
