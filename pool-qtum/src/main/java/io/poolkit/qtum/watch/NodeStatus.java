package io.poolkit.qtum.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.rpc.JsonRpc;
import java.math.RoundingMode;
import java.util.List;

/**
 * What qtumd says about itself at one moment: the fields of PPM's log row and status messages that do
 * not come from the block (getblockcount, getstakinginfo, getwalletinfo, getconnectioncount).
 *
 * @param tipHeight getblockcount
 * @param staking getstakinginfo {@code staking} (false also when staking is disabled)
 * @param stakerWeightSats getstakinginfo {@code weight}
 * @param delegateWeightSats getstakinginfo {@code delegateweight}
 * @param netStakeWeightSats getstakinginfo {@code netstakeweight}
 * @param expectedTimeSeconds getstakinginfo {@code expectedtime}
 * @param balanceSats getwalletinfo {@code balance}
 * @param stakeSats getwalletinfo {@code stake}
 * @param connections getconnectioncount
 * @param delegations getdelegationsforstaker: delegations to our staker, whatever their fee
 */
public record NodeStatus(int tipHeight, boolean staking, long stakerWeightSats, long delegateWeightSats,
        long netStakeWeightSats, long expectedTimeSeconds, long balanceSats, long stakeSats, int connections, int delegations) {

    /**
     * Asks qtumd.
     *
     * @param rpc qtumd
     * @param staker our super staker's address (for the delegation count)
     * @return the status now     *
     * @throws io.poolkit.core.rpc.RpcCallException when qtumd cannot be reached or answers with an error
     * @throws IllegalArgumentException when an answer lacks a field or has the wrong type
     */
    public static NodeStatus fetch(JsonRpc rpc, String staker) {
        int tip = integer(rpc.call("getblockcount", List.of()), "getblockcount");
        JsonNode s = rpc.call("getstakinginfo", List.of());
        JsonNode w = rpc.call("getwalletinfo", List.of());
        int connections = integer(rpc.call("getconnectioncount", List.of()), "getconnectioncount");
        JsonNode d = rpc.call("getdelegationsforstaker", List.of(staker));
        if (!d.isArray()) {
            throw new IllegalArgumentException("getdelegationsforstaker answered " + d.getNodeType() + ", not a list");
        }
        boolean enabled = !s.has("enabled") || s.get("enabled").asBoolean();
        return new NodeStatus(tip, enabled && field(s, "staking", "getstakinginfo").asBoolean(),
                field(s, "weight", "getstakinginfo").asLong(), field(s, "delegateweight", "getstakinginfo").asLong(),
                field(s, "netstakeweight", "getstakinginfo").asLong(), field(s, "expectedtime", "getstakinginfo").asLong(),
                qtum(field(w, "balance", "getwalletinfo")), qtum(field(w, "stake", "getwalletinfo")), connections, d.size());
    }

    private static JsonNode field(JsonNode obj, String name, String method) {
        JsonNode n = obj.get(name);
        if (n == null || !(n.isNumber() || n.isBoolean())) {
            throw new IllegalArgumentException(method + " answered without a usable '" + name + "' field");
        }
        return n;
    }

    private static int integer(JsonNode n, String method) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(method + " answered " + n + ", not a whole number");
        }
        return n.intValue();
    }

    /** A QTUM amount in a JSON number to satoshis; display only, so extra decimals are rounded half-even. */
    private static long qtum(JsonNode n) {
        return n.decimalValue().movePointRight(8).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
