package io.poolkit.hn.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What processing did with one registration event.
 *
 * @param event    the event
 * @param kind     what happened
 * @param weight   the weight given, for a registration
 * @param rejected why it was rejected, for a rejected event
 */
public record EventOutcome(RegistrationEvent event, Kind kind, Optional<Integer> weight,
                           Optional<RegistrationException> rejected) {

    /** What an event did. */
    public enum Kind {
        /** A registration appended to the list. */
        REGISTERED,
        /** An unregistration by the registering address. */
        UNREGISTERED_BY_OWNER,
        /** An unregistration by the PoW control address, removing every matching registration. */
        UNREGISTERED_BY_CONTROLLER,
        /** An invalid event, which changed nothing. */
        REJECTED
    }

    static EventOutcome registered(RegistrationEvent event, int weight) {
        return new EventOutcome(event, Kind.REGISTERED, Optional.of(weight), Optional.empty());
    }

    static EventOutcome unregistered(RegistrationEvent event, Kind kind) {
        return new EventOutcome(event, kind, Optional.empty(), Optional.empty());
    }

    static EventOutcome rejected(RegistrationEvent event, RegistrationException why) {
        return new EventOutcome(event, Kind.REJECTED, Optional.empty(), Optional.of(why));
    }

    /** True unless the event was rejected. */
    public boolean accepted() {
        return kind != Kind.REJECTED;
    }

    /**
     * The lines the reference plugin's ip feed shows for this event:
     * {@code Row H: ADDRESS, OPERATION, OPENFIELD}, then {@code Ok, Weight=W} for a registration,
     * {@code Ok} for an unregistration (preceded by {@code Unreg by controller, reason 'R'.} when the
     * controller made it), or {@code Ko: MESSAGE}.
     */
    public List<String> feedLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Row " + event.blockHeight() + ": " + event.address() + ", " + event.operation() + ", "
                + event.openfield());
        switch (kind) {
            case REJECTED -> lines.add("Ko: " + rejected.orElseThrow().getMessage());
            case REGISTERED -> lines.add("Ok, Weight=" + weight.orElseThrow());
            case UNREGISTERED_BY_CONTROLLER -> {
                lines.add("Unreg by controller, reason '" + Openfield.reason(event.openfield()) + "'.");
                lines.add("Ok");
            }
            case UNREGISTERED_BY_OWNER -> lines.add("Ok");
        }
        return lines;
    }
}
