package io.gantry.core.archive;

import io.gantry.core.content.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Hashes what passes through and refuses to pass more than {@code cap} bytes (a decompression bomb's stream). */
final class HashingInputStream extends FilterInputStream {

    private final MessageDigest sha = Digest.newSha256();
    private final long cap;
    private long count;

    HashingInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            sha.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The hash of what was read; the caller reads to the end first (tar padding belongs to the DiffID too). */
    Digest digest() {
        return Digest.fromHash(sha.digest());
    }

    private void counted(int n) throws LayerLimitExceededException {
        count += n;
        if (count > cap) {
            throw new LayerLimitExceededException("layer stream exceeds " + cap + " uncompressed bytes");
        }
    }
}
