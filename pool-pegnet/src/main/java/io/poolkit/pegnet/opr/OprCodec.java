package io.poolkit.pegnet.opr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.opr.proto.V2Content;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OPR content codecs: v1 is a JSON object, v2..v5 the protobuf message {@code V2Content} (field order 1..5, empty
 * strings and zero height omitted, winners as 8-byte fields, assets packed). Encoding a decoded v2+ record gives
 * back the identical bytes, which matters because the OPR hash is the SHA-256 of the content.
 */
public final class OprCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OprCodec() {
    }

    /** Decodes content as the given version's format (v1 JSON, v2+ protobuf); checks the asset count. */
    public static Opr decode(int version, byte[] content) throws OprFormatException {
        return OprVersions.checkVersion(version) == 1 ? decodeV1(content) : decodeV2(version, content);
    }

    private static Opr decodeV1(byte[] content) throws OprFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            throw new OprFormatException("v1 content is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new OprFormatException("v1 content is not a JSON object");
        }
        JsonNode assets = root.path("assets");
        if (!assets.isObject()) {
            throw new OprFormatException("v1 content has no assets object");
        }
        List<String> names = OprVersions.V1_ASSETS;
        if (assets.size() != names.size()) {
            throw new OprFormatException("v1 content has " + assets.size() + " assets, expected " + names.size());
        }
        double[] prices = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            JsonNode p = assets.get(names.get(i));
            if (p == null || !p.isNumber()) {
                throw new OprFormatException("v1 content lacks a number for asset " + names.get(i));
            }
            prices[i] = p.asDouble();
        }
        List<String> winners = new ArrayList<>();
        for (JsonNode w : root.path("winners")) {
            if (!w.isTextual()) {
                throw new OprFormatException("v1 winners must be strings");
            }
            winners.add(w.asText());
        }
        JsonNode dbht = root.path("dbht");
        if (!dbht.canConvertToInt()) {
            throw new OprFormatException("v1 content has no integer dbht");
        }
        return new Opr(1, root.path("coinbase").asText(""), root.path("minerid").asText(""), dbht.asInt(), winners,
                new long[0], prices);
    }

    private static Opr decodeV2(int version, byte[] content) throws OprFormatException {
        V2Content msg;
        try {
            msg = V2Content.parseFrom(content);
        } catch (InvalidProtocolBufferException e) {
            throw new OprFormatException("v" + version + " content is not a V2Content protobuf: " + e.getMessage());
        }
        int expected = OprVersions.assets(version).size();
        if (msg.getAssetsCount() != expected) {
            throw new OprFormatException("v" + version + " content has " + msg.getAssetsCount() + " assets, expected "
                    + expected);
        }
        List<String> winners = new ArrayList<>();
        for (ByteString w : msg.getWinnersList()) {
            winners.add(Hex.encode(w.toByteArray()));
        }
        long[] units = new long[expected];
        for (int i = 0; i < expected; i++) {
            units[i] = msg.getAssets(i);
        }
        return Opr.ofUnits(version, msg.getAddress(), msg.getID(), msg.getHeight(), winners, units);
    }

    /** Encodes a v2..v5 record as {@code V2Content} protobuf bytes. */
    public static byte[] encode(Opr opr) {
        if (opr.version() < 2) {
            throw new IllegalArgumentException("only v2+ records are encoded here (v1 is historical JSON)");
        }
        V2Content.Builder b = V2Content.newBuilder()
                .setAddress(opr.coinbase())
                .setID(opr.minerId())
                .setHeight(opr.height());
        for (String w : opr.winners()) {
            b.addWinners(ByteString.copyFrom(Hex.decode(w)));
        }
        for (long u : opr.units()) {
            b.addAssets(u);
        }
        return b.build().toByteArray();
    }
}
