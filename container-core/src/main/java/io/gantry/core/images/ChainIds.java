package io.gantry.core.images;

import io.gantry.core.content.Digest;
import io.gantry.core.snapshot.ChainId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ChainID(L0) = DiffID(L0); ChainID(L0..n) = sha256(ChainID(L0..n-1) + " " + DiffID(n)), per the OCI image spec. */
final class ChainIds {

    private ChainIds() {
    }

    /** The chain ID of a layer {@code diffId} stacked on {@code parent} (null for a base layer). */
    static ChainId next(@Nullable ChainId parent, Digest diffId) {
        return parent == null ? ChainId.parse(diffId.toString())
                : ChainId.parse(Digest.of((parent + " " + diffId).getBytes(StandardCharsets.US_ASCII)).toString());
    }

    static List<ChainId> of(List<Digest> diffIds) {
        List<ChainId> chain = new ArrayList<>(diffIds.size());
        String previous = null;
        for (Digest diffId : diffIds) {
            String next = previous == null ? diffId.toString()
                    : Digest.of((previous + " " + diffId).getBytes(StandardCharsets.US_ASCII)).toString();
            chain.add(ChainId.parse(next));
            previous = next;
        }
        return chain;
    }
}
