package io.gantry.core.images;

import io.gantry.core.content.Digest;
import io.gantry.core.snapshot.ChainId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** ChainID(L0) = DiffID(L0); ChainID(L0..n) = sha256(ChainID(L0..n-1) + " " + DiffID(n)), per the OCI image spec. */
final class ChainIds {

    private ChainIds() {
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
