package io.poolkit.qtum.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Network;
import io.poolkit.core.bytes.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded transaction from {@code getrawtransaction <txid> true}, in either response shape:
 * 0.19/0.20-era ({@code scriptPubKey.addresses[]}, {@code reqSigs}) or v23+ ({@code scriptPubKey.address},
 * no address at all for P2PK). P2PK and P2PKH owners are derived from the script when the node does
 * not name them.
 *
 * @param txid transaction id
 * @param vin inputs
 * @param vout outputs
 */
public record RawTransaction(String txid, List<TxIn> vin, List<TxOut> vout) {

    public RawTransaction {
        vin = List.copyOf(vin);
        vout = List.copyOf(vout);
    }

    /** Reads the {@code result} object (or the response envelope holding it). */
    public static RawTransaction parse(JsonNode json, Network network) {
        JsonNode tx = json.has("result") ? json.get("result") : json;
        if (!tx.has("vin") || !tx.has("vout")) {
            throw new IllegalArgumentException("not a decoded transaction: no vin/vout (call getrawtransaction with verbose=true)");
        }
        List<TxIn> ins = new ArrayList<>();
        for (JsonNode in : tx.get("vin")) {
            ins.add(new TxIn(in.path("txid").asText(""), in.path("vout").asInt(-1), RpcAmounts.sats(in),
                    text(in, "address")));
        }
        List<TxOut> outs = new ArrayList<>();
        for (JsonNode out : tx.get("vout")) {
            outs.add(parseOut(out, network));
        }
        return new RawTransaction(tx.path("txid").asText(""), ins, outs);
    }

    /** Reads one vout object (also the fragments PPM handled). */
    public static TxOut parseOut(JsonNode out, Network network) {
        JsonNode spk = out.path("scriptPubKey");
        String type = spk.path("type").asText("");
        String asm = spk.path("asm").asText("");
        String hex = spk.path("hex").asText("");
        Optional<String> pubkey = Optional.empty();
        if (type.equals("pubkey")) {
            String first = asm.split(" ")[0];
            if (Hex.isHex(first) && (first.length() == 66 || first.length() == 130)) {
                pubkey = Optional.of(first);
            }
        }
        Optional<String> address = text(spk, "address");
        if (address.isEmpty() && spk.path("addresses").isArray() && spk.get("addresses").size() > 0) {
            address = Optional.of(spk.get("addresses").get(0).asText());
        }
        if (address.isEmpty() && pubkey.isPresent()) {
            address = Optional.of(Addresses.fromPublicKey(network, Hex.decode(pubkey.get())).text());
        }
        if (address.isEmpty() && type.equals("pubkeyhash")) {
            String h160 = hex.length() == 50 && hex.startsWith("76a914") && hex.endsWith("88ac")
                    ? hex.substring(6, 46) : asmHash(asm);
            if (h160 != null) {
                address = Optional.of(Addresses.p2pkh(network, Hex.decode(h160)).text());
            }
        }
        long sats = RpcAmounts.sats(out).orElseThrow(
                () -> new IllegalArgumentException("vout " + out.path("n").asInt() + " has no value"));
        return new TxOut(out.path("n").asInt(), sats, type, pubkey, address);
    }

    private static String asmHash(String asm) {
        String[] parts = asm.split(" ");
        return parts.length == 5 && parts[2].length() == 40 && Hex.isHex(parts[2]) ? parts[2] : null;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }
}
