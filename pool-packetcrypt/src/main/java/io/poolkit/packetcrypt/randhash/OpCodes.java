package io.poolkit.packetcrypt.randhash;

/**
 * RandHash opcode numbers (the low 8 bits of an instruction) and the instruction field layout.
 * Opcodes 1-63 are arithmetic, grouped by shape: 1-11 take one word and give one, 12-35 take two
 * and give one, 36-50 take two and give two, 51-58 take two register pairs and give a pair, 59-63
 * take two pairs and give four words. 64-70 are input, memory and control flow.
 */
public final class OpCodes {

    public static final int POPCNT8 = 1;
    public static final int POPCNT16 = 2;
    public static final int POPCNT32 = 3;
    public static final int CLZ8 = 4;
    public static final int CLZ16 = 5;
    public static final int CLZ32 = 6;
    public static final int CTZ8 = 7;
    public static final int CTZ16 = 8;
    public static final int CTZ32 = 9;
    public static final int BSWAP16 = 10;
    public static final int BSWAP32 = 11;

    public static final int ADD8 = 12;
    public static final int ADD16 = 13;
    public static final int ADD32 = 14;
    public static final int SUB8 = 15;
    public static final int SUB16 = 16;
    public static final int SUB32 = 17;
    public static final int SHLL8 = 18;
    public static final int SHLL16 = 19;
    public static final int SHLL32 = 20;
    public static final int SHRL8 = 21;
    public static final int SHRL16 = 22;
    public static final int SHRL32 = 23;
    public static final int SHRA8 = 24;
    public static final int SHRA16 = 25;
    public static final int SHRA32 = 26;
    public static final int ROTL8 = 27;
    public static final int ROTL16 = 28;
    public static final int ROTL32 = 29;
    public static final int MUL8 = 30;
    public static final int MUL16 = 31;
    public static final int MUL32 = 32;
    public static final int AND = 33;
    public static final int OR = 34;
    public static final int XOR = 35;

    public static final int ADD8C = 36;
    public static final int ADD16C = 37;
    public static final int ADD32C = 38;
    public static final int SUB8C = 39;
    public static final int SUB16C = 40;
    public static final int SUB32C = 41;
    public static final int MUL8C = 42;
    public static final int MUL16C = 43;
    public static final int MUL32C = 44;
    public static final int MULSU8C = 45;
    public static final int MULSU16C = 46;
    public static final int MULSU32C = 47;
    public static final int MULU8C = 48;
    public static final int MULU16C = 49;
    public static final int MULU32C = 50;

    public static final int ADD64 = 51;
    public static final int SUB64 = 52;
    public static final int SHLL64 = 53;
    public static final int SHRL64 = 54;
    public static final int SHRA64 = 55;
    public static final int ROTL64 = 56;
    public static final int ROTR64 = 57;
    public static final int MUL64 = 58;

    public static final int ADD64C = 59;
    public static final int SUB64C = 60;
    public static final int MUL64C = 61;
    public static final int MULSU64C = 62;
    public static final int MULU64C = 63;

    public static final int IN = 64;
    public static final int MEMORY = 65;
    public static final int LOOP = 66;
    public static final int IF_LIKELY = 67;
    public static final int IF_RANDOM = 68;
    public static final int JMP = 69;
    public static final int END = 70;

    /** First and last opcode (inclusive) of each arithmetic shape, as RandGen draws them. */
    static final int FIRST_1_1 = POPCNT8;
    static final int COUNT_1_1 = 11;
    static final int FIRST_2_1 = ADD8;
    static final int COUNT_2_1 = 24;
    static final int FIRST_2_2 = ADD8C;
    static final int COUNT_2_2 = 15;
    static final int FIRST_4_2 = ADD64;
    static final int COUNT_4_2 = 8;
    static final int FIRST_4_4 = ADD64C;
    static final int COUNT_4_4 = 5;

    private OpCodes() {
    }

    /** Register A: bits 9-17. */
    static int regA(int insn) {
        return (insn >>> 9) & 0x1ff;
    }

    /** Register B: bits 20-28. */
    static int regB(int insn) {
        return (insn >>> 20) & 0x1ff;
    }

    /** Bit 18: operand B is an immediate. */
    static boolean hasImmediate(int insn) {
        return (insn & (1 << 18)) != 0;
    }

    /**
     * The immediate of an instruction. With bit 19 clear it is the sign-extended 12-bit value in
     * bits 20-31; with bit 19 set those 12 bits describe a 64-bit pattern: two single-bit flips
     * ({@code a}, {@code b}) of all-ones (or of 0x7fff...ff when {@code i} is set), with the top bit
     * then forced on when {@code s} is set.
     */
    static long immediate(int insn) {
        if ((insn & (1 << 19)) == 0) {
            return insn >> 20;
        }
        int imm = insn >>> 20;
        int a = imm & 31;
        int b = (imm >>> 5) & 31;
        long i = (imm >>> 10) & 1;
        long s = imm >>> 11;
        long out = ((i << 63) - 1) ^ (1L << b) ^ (1L << a);
        return out | (s << 63);
    }
}
