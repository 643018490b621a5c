package io.poolkit.hn.registration;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A registration or unregistration transaction, as the plugin's query returns it.
 *
 * @param blockHeight PoW block height
 * @param address     the sender (PoW address)
 * @param operation   {@link #REGISTER} or {@link #UNREGISTER}
 * @param openfield   {@code ip:port:pos[,key=value...]}
 * @param timestamp   transaction timestamp
 */
public record RegistrationEvent(long blockHeight, String address, String operation, String openfield,
                                BigDecimal timestamp) {

    /** The operation that registers a hypernode. */
    public static final String REGISTER = "hypernode:register";
    /** The operation that unregisters one. */
    public static final String UNREGISTER = "hypernode:unregister";

    public RegistrationEvent {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(openfield, "openfield");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!operation.equals(REGISTER) && !operation.equals(UNREGISTER)) {
            throw new IllegalArgumentException("not a registration operation: " + operation);
        }
    }

    /** The event of a ledger row with a registration operation. */
    public static RegistrationEvent of(PowLedgerRow row) {
        return new RegistrationEvent(row.blockHeight(), row.address(), row.operation(), row.openfield(), row.timestamp());
    }

    public boolean isRegister() {
        return operation.equals(REGISTER);
    }
}
