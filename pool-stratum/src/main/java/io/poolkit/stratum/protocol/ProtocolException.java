package io.poolkit.stratum.protocol;

/** A request that is well-formed JSON but breaks the stratum protocol (wrong params, wrong types). */
public final class ProtocolException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
