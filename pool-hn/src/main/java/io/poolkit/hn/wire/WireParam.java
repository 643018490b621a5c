package io.poolkit.hn.wire;

import io.poolkit.hn.consensus.ChainHeight;
import java.util.Objects;

/** The single parameter a message may carry (the {@code param} oneof). */
public sealed interface WireParam {

    /** A string parameter ({@code string_value}). */
    record Text(String value) implements WireParam {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A signed 32-bit parameter ({@code int32_value}), e.g. a height or a round. */
    record Int32(int value) implements WireParam {
    }

    /** A chain status parameter ({@code height_value}). */
    record Status(ChainHeight value) implements WireParam {
        public Status {
            Objects.requireNonNull(value, "value");
        }
    }
}
