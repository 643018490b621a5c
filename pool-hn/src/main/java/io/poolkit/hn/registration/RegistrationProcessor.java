package io.poolkit.hn.registration;

import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosAddressException;
import io.poolkit.hn.crypto.PosNetwork;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies registration events in order, with the plugin's rules ({@code HN_reg_round}).
 *
 * <p>A registration is rejected, in this order of checks, if its openfield does not parse, its IP
 * is not a dotted IPv4 address, the sender or reward address is not a PoW address, the PoS address
 * is invalid (mainnet), or the IP, the PoS address or the sender's PoW address is already in the
 * list. Otherwise it is appended with the weight of the sender at the registration block; weights 0
 * and -1 are accepted (they get no tickets). There is no other check.
 *
 * <p>An unregistration must also have a parsable openfield. From a registered PoW address, its ip,
 * port and pos must equal the registration's, which is removed. From the PoW control address, every
 * registration with that ip, port and pos is removed. From anyone else it is rejected.
 */
public final class RegistrationProcessor {

    /** The PoW address allowed to unregister any hypernode. */
    public static final String POW_CONTROL_ADDRESS = "cf2562488992997dff3658e455701589678d0e966a79e2a037cbb2ff";

    private final WeightLookup weights;
    private final PowAddressRule powAddresses;
    private final PosNetwork network;

    /**
     * @param weights      collateral weights at a height
     * @param powAddresses which PoW addresses are valid
     * @param network      the network of the PoS addresses (the plugin checks mainnet)
     */
    public RegistrationProcessor(WeightLookup weights, PowAddressRule powAddresses, PosNetwork network) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.powAddresses = Objects.requireNonNull(powAddresses, "powAddresses");
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The result of processing: the list after the events, and what each event did. */
    public record Result(RegistrationList registrations, List<EventOutcome> outcomes) {

        public Result {
            outcomes = List.copyOf(outcomes);
        }

        /** The reference's status line: {@code N PoW Valid HN.} or {@code No PoW Valid HN.}. */
        public String status() {
            return registrations.size() == 0 ? "No PoW Valid HN." : registrations.size() + " PoW Valid HN.";
        }

        /** The ip feed lines for the events whose openfield contains {@code ip + ":"}, as the plugin shows them. */
        public List<String> ipFeed(String ip) {
            List<String> lines = new ArrayList<>();
            for (EventOutcome o : outcomes) {
                if (o.event().openfield().contains(ip + ":")) {
                    lines.addAll(o.feedLines());
                }
            }
            return lines;
        }
    }

    /**
     * Applies {@code events} (in block order) to {@code start} (the list at the checkpoint before
     * them; {@link RegistrationList#empty()} from the beginning).
     */
    public Result process(RegistrationList start, List<RegistrationEvent> events) {
        Map<String, Registration> regs = new LinkedHashMap<>();
        for (Registration r : start.registrations()) {
            regs.put(r.powAddress(), r);
        }
        List<EventOutcome> outcomes = new ArrayList<>(events.size());
        for (RegistrationEvent event : events) {
            try {
                outcomes.add(event.isRegister() ? register(regs, event) : unregister(regs, event));
            } catch (RegistrationException e) {
                outcomes.add(EventOutcome.rejected(event, e));
            }
        }
        return new Result(new RegistrationList(new ArrayList<>(regs.values())), outcomes);
    }

    private EventOutcome register(Map<String, Registration> regs, RegistrationEvent event) {
        Openfield of = Openfield.parse(event.openfield(), event.address());
        if (!Ipv4.isValid(of.ip())) {
            throw new RegistrationException(RegistrationException.Reason.BAD_IP,
                    PythonText.repr(of.ip()) + " does not appear to be an IPv4 or IPv6 address");
        }
        checkPowAddress(event.address());
        checkPowAddress(of.rewardAddress());
        checkPosAddress(of.posAddress());
        for (Registration r : regs.values()) {
            if (r.ip().equals(of.ip())) {
                throw new RegistrationException(RegistrationException.Reason.DUPLICATE_IP, "division by zero");
            }
        }
        for (Registration r : regs.values()) {
            if (r.posAddress().equals(of.posAddress())) {
                throw new RegistrationException(RegistrationException.Reason.DUPLICATE_POS_ADDRESS, "division by zero");
            }
        }
        if (regs.containsKey(event.address())) {
            throw new RegistrationException(RegistrationException.Reason.ALREADY_REGISTERED,
                    "Already an active registration");
        }
        int weight = weights.weightAt(event.address(), event.blockHeight());
        regs.put(event.address(), new Registration(event.address(), of.ip(), of.port(), of.posAddress(),
                of.rewardAddress(), weight, event.timestamp(), true));
        return EventOutcome.registered(event, weight);
    }

    private EventOutcome unregister(Map<String, Registration> regs, RegistrationEvent event) {
        Openfield of = Openfield.parse(event.openfield(), event.address());
        Registration own = regs.get(event.address());
        if (own != null) {
            if (!sameEndpoint(own, of)) {
                throw new RegistrationException(RegistrationException.Reason.UNREGISTRATION_MISMATCH,
                        "Invalid unregistration params");
            }
            regs.remove(event.address());
            return EventOutcome.unregistered(event, EventOutcome.Kind.UNREGISTERED_BY_OWNER);
        }
        if (event.address().equals(POW_CONTROL_ADDRESS)) {
            Iterator<Registration> it = regs.values().iterator();
            while (it.hasNext()) {
                if (sameEndpoint(it.next(), of)) {
                    it.remove();
                }
            }
            return EventOutcome.unregistered(event, EventOutcome.Kind.UNREGISTERED_BY_CONTROLLER);
        }
        throw new RegistrationException(RegistrationException.Reason.UNREGISTRATION_SENDER,
                "Invalid un-registration sender");
    }

    private static boolean sameEndpoint(Registration r, Openfield of) {
        return r.ip().equals(of.ip()) && r.port().equals(of.port()) && r.posAddress().equals(of.posAddress());
    }

    private void checkPowAddress(String address) {
        if (!powAddresses.isValid(address)) {
            throw new RegistrationException(RegistrationException.Reason.BAD_POW_ADDRESS,
                    "Bis Address format error: " + address);
        }
    }

    private void checkPosAddress(String pos) {
        try {
            PosAddress.parse(pos, network);
        } catch (PosAddressException e) {
            String message = e.reason() == PosAddressException.Reason.FORMAT
                    ? "Invalid address format: " + pos : e.getMessage();
            throw new RegistrationException(RegistrationException.Reason.BAD_POS_ADDRESS, message);
        }
    }
}
