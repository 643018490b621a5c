package io.poolkit.packetcrypt.ann;

import io.poolkit.core.bytes.Hex;
import java.util.Optional;

/**
 * The result of {@link AnnValidator#check}: the code and, when the hash loop ran to the end (codes
 * {@link AnnCode#OK} and {@link AnnCode#INSUF_POW}), the 32-byte work hash in the order the hash
 * function produced it (a little-endian number).
 */
public record AnnResult(AnnCode code, Optional<byte[]> workHash) {

    public AnnResult {
        workHash = workHash.map(byte[]::clone);
    }

    public boolean ok() {
        return code.isOk();
    }

    @Override
    public Optional<byte[]> workHash() {
        return workHash.map(byte[]::clone);
    }

    public Optional<String> workHashHex() {
        return workHash.map(Hex::encode);
    }

    @Override
    public String toString() {
        return "AnnResult[" + code + workHashHex().map(h -> " " + h).orElse("") + "]";
    }
}
