package io.poolkit.hn.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosNetwork;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

    private static final String A = "a".repeat(56);
    private static final String B = "b".repeat(56);
    private static final String POS1 = PosAddress.fromHash20(new byte[20], PosNetwork.MAINNET).text();
    private static final String POS2 = PosAddress.fromHash20(filled(2), PosNetwork.MAINNET).text();

    private static byte[] filled(int value) {
        byte[] b = new byte[20];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static RegistrationEvent event(long height, String sender, String op, String openfield) {
        return new RegistrationEvent(height, sender, op, openfield, BigDecimal.valueOf(height));
    }

    @Test
    void ipv4IsStrictDottedDecimal() {
        assertTrue(Ipv4.isValid("1.2.3.4"));
        assertTrue(Ipv4.isValid("0.0.0.0"));
        assertTrue(Ipv4.isValid("255.255.255.255"));
        assertFalse(Ipv4.isValid("256.1.1.1"));
        assertFalse(Ipv4.isValid("01.2.3.4"));
        assertFalse(Ipv4.isValid("1.2.3"));
        assertFalse(Ipv4.isValid("1.2.3.4.5"));
        assertFalse(Ipv4.isValid("1..3.4"));
        assertFalse(Ipv4.isValid("1.2.3.٤"));
        assertFalse(Ipv4.isValid("localhost"));
        assertFalse(Ipv4.isValid(""));
    }

    @Test
    void pythonReprQuotesLikePython() {
        assertEquals("'bad_ip'", PythonText.repr("bad_ip"));
        assertEquals("\"it's\"", PythonText.repr("it's"));
        assertEquals("'a\\nb'", PythonText.repr("a\nb"));
    }

    @Test
    void legacyPowAddresses() {
        assertTrue(PowAddressRule.LEGACY.isValid(A));
        assertFalse(PowAddressRule.LEGACY.isValid(A.toUpperCase()));
        assertFalse(PowAddressRule.LEGACY.isValid(A + "0"));
        assertFalse(PowAddressRule.LEGACY.isValid("Bis1abc"));
    }

    @Test
    void balanceIsNullWithoutCreditsOrWithoutDebits() {
        long bis = PowLedgerRow.UNITS_PER_BIS;
        PowLedger ledger = new PowLedger(List.of(
                new PowLedgerRow(1, BigDecimal.ONE, B, A, 25_000 * bis, 0, 0, "", ""),
                new PowLedgerRow(2, BigDecimal.TEN, A, A, 0, bis / 100, 0, RegistrationEvent.REGISTER, "x")));
        assertEquals(OptionalLong.empty(), ledger.balanceAt(A, 1));
        assertEquals(-1, ledger.weightAt(A, 1));
        assertEquals(OptionalLong.of(25_000 * bis - bis / 100), ledger.balanceAt(A, 2));
        assertEquals(2, ledger.weightAt(A, 2));
        assertEquals(OptionalLong.empty(), ledger.balanceAt(B, 2));
        assertEquals(1, ledger.registrationEvents(0, 10).size());
        assertThrows(IllegalArgumentException.class, () -> PowLedgerRow.units(new BigDecimal("0.000000001")));
    }

    @Test
    void reRegistrationGoesToTheEndAndTheControllerRemovesEveryMatch() {
        RegistrationProcessor p = new RegistrationProcessor((address, height) -> 1, PowAddressRule.LEGACY,
                PosNetwork.MAINNET);
        String c = RegistrationProcessor.POW_CONTROL_ADDRESS;
        RegistrationProcessor.Result r = p.process(RegistrationList.empty(), List.of(
                event(1, A, RegistrationEvent.REGISTER, "1.1.1.1:6969:" + POS1),
                event(2, B, RegistrationEvent.REGISTER, "2.2.2.2:6969:" + POS2 + ",reward=" + A),
                event(3, A, RegistrationEvent.UNREGISTER, "1.1.1.1:6969:" + POS1 + ",reason=moving"),
                event(4, A, RegistrationEvent.REGISTER, "1.1.1.1:6969:" + POS1)));
        assertEquals(List.of(B, A), r.registrations().registrations().stream().map(Registration::powAddress).toList());
        assertEquals(A, r.registrations().byPowAddress(B).orElseThrow().rewardAddress());
        assertEquals("2 PoW Valid HN.", r.status());

        RegistrationProcessor.Result after = p.process(r.registrations(), List.of(
                event(5, c, RegistrationEvent.UNREGISTER, "2.2.2.2:6969:" + POS2 + ",reason=collateral moved"),
                event(6, c, RegistrationEvent.UNREGISTER, "9.9.9.9:6969:" + POS2)));
        assertEquals(List.of(A), after.registrations().registrations().stream().map(Registration::powAddress).toList());
        assertEquals(List.of("Row 5: " + c + ", hypernode:unregister, 2.2.2.2:6969:" + POS2 + ",reason=collateral moved",
                "Unreg by controller, reason 'collateral moved'.", "Ok"), after.ipFeed("2.2.2.2"));
    }

    @Test
    void badAddressesAreRejectedWithThePluginMessages() {
        RegistrationProcessor p = new RegistrationProcessor((address, height) -> 1, PowAddressRule.LEGACY,
                PosNetwork.MAINNET);
        RegistrationProcessor.Result r = p.process(RegistrationList.empty(), List.of(
                event(1, "notapowaddress", RegistrationEvent.REGISTER, "1.1.1.1:6969:" + POS1),
                event(2, A, RegistrationEvent.REGISTER, "1.1.1.1:6969:" + POS1 + ",reward=nope"),
                event(3, A, RegistrationEvent.REGISTER, "1.1.1.1:6969:"
                        + PosAddress.fromHash20(new byte[20], PosNetwork.TESTNET).text()),
                event(4, A, RegistrationEvent.REGISTER, "1.1.1.1:6969:" + POS1 + ",noequals")));
        assertEquals(0, r.registrations().size());
        assertEquals("No PoW Valid HN.", r.status());
        List<String> messages = r.outcomes().stream().map(o -> o.rejected().orElseThrow().getMessage()).toList();
        assertEquals(List.of("Bis Address format error: notapowaddress", "Bis Address format error: nope",
                "Invalid Network: 0x55 instead of 0x19", "not enough values to unpack (expected 2, got 1)"), messages);
    }

    @Test
    void aDuplicateKeyedRegistrationListIsRefused() {
        Registration r = new Registration(A, "1.1.1.1", "1", POS1, A, 1, BigDecimal.ZERO, true);
        assertThrows(IllegalArgumentException.class, () -> new RegistrationList(List.of(r, r)));
    }
}
