package io.poolkit.hn.registration;

/**
 * Strict dotted-quad IPv4 parsing, as Python's {@code ipaddress.ip_address} (3.9.5 and later)
 * accepts it: four decimal octets of ASCII digits, each 0 to 255, no leading zeros. IPv6 can never
 * reach this check, since the openfield is split on colons first. No name is ever resolved.
 */
public final class Ipv4 {

    private Ipv4() {
    }

    /** True if {@code text} is a valid dotted-quad IPv4 address. */
    public static boolean isValid(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!isOctet(octet)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOctet(String octet) {
        if (octet.isEmpty() || octet.length() > 3) {
            return false;
        }
        for (int i = 0; i < octet.length(); i++) {
            char c = octet.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (octet.length() > 1 && octet.charAt(0) == '0') {
            return false;
        }
        return Integer.parseInt(octet) <= 255;
    }
}
