package io.poolkit.packetcrypt.randhash;

import static io.poolkit.packetcrypt.randhash.OpCodes.*;

/**
 * Runs a RandHash program. The hash state is 512 words: the input half ({@code hashIn}) is read
 * by {@code IN}, every scope's values are added into the output half ({@code hashOut}) when the
 * scope ends, and the halves swap after each cycle. {@code MEMORY} reads a 256-word window.
 * Registers index the value stack of the whole run (scope markers included), so a program from
 * {@link RandGen} always names live values. A cycle that runs more than {@link #MAX_OPS}
 * instructions fails the run. Not thread safe; allocates nothing per run.
 */
public final class Interpreter {

    public static final int MAX_OPS = 20000;
    public static final int MEMORY_WORDS = 256;
    /** Words in the state: the input half then the output half. */
    public static final int STATE_WORDS = 512;

    private static final int ABORT = -1;
    private static final int MARK = ~0;

    private int[] prog;
    private int progLen;
    // The program decoded once by load(): operand A's register, operand B (a register index, or
    // for immediates the low word / the 64-bit value), and whether B is an immediate.
    private final int[] regA = new int[RandGen.MAX_INSNS];
    private final int[] regB = new int[RandGen.MAX_INSNS];
    private final boolean[] hasImm = new boolean[RandGen.MAX_INSNS];
    private final int[] immLo = new int[RandGen.MAX_INSNS];
    private final long[] imm64 = new long[RandGen.MAX_INSNS];
    private int[] loaded;
    private int loadedLen;
    private int[] mem;
    private int memOff;
    private int[] state;
    private int inOff;
    private int outOff;

    private final int[] vars = new int[16384];
    private int varTop;
    /** Index of the current scope's first value (just past its marker). */
    private int scopeStart;
    private final int[] scopes = new int[4096];
    private int scopeTop;
    private int hashCtr;
    private int loopCycle;
    private int opCtr;

    /**
     * Loads {@code prog[0, progLen)} and runs it for {@code cycles} cycles over {@code state} (512
     * words) with memory {@code mem[memOff, memOff+256)}. Returns false if a cycle ran too many
     * instructions, which makes the hash invalid.
     */
    public boolean run(int[] prog, int progLen, int[] state, int[] mem, int memOff, int cycles) {
        load(prog, progLen);
        return runLoaded(state, mem, memOff, cycles);
    }

    /** Runs the program given to {@link #load} last, as {@link #run} does. */
    public boolean runLoaded(int[] state, int[] mem, int memOff, int cycles) {
        if (loaded == null) {
            throw new IllegalStateException("no program loaded");
        }
        if (state.length < STATE_WORDS || memOff < 0 || memOff + MEMORY_WORDS > mem.length) {
            throw new IllegalArgumentException("bad interpreter arguments");
        }
        int[] prog = loaded;
        int progLen = loadedLen;
        this.prog = prog;
        this.progLen = progLen;
        this.mem = mem;
        this.memOff = memOff;
        this.state = state;
        inOff = 0;
        outOff = MEMORY_WORDS;
        hashCtr = 0;
        loopCycle = 0;
        scopeStart = 0;
        varTop = 0;
        scopeTop = 0;
        boolean ok = true;
        for (int i = 0; i < cycles; i++) {
            opCtr = 0;
            interpret(0);
            if (opCtr > MAX_OPS) {
                ok = false;
                break;
            }
            hashCtr = 0;
            int t = inOff;
            inOff = outOff;
            outOff = t;
        }
        this.mem = null;
        this.state = null;
        return ok;
    }

    /**
     * Takes {@code prog[0, progLen)} as the program and decodes its operands once, for any number
     * of {@link #runLoaded} calls. The array is read again while running: do not change it.
     */
    public void load(int[] prog, int progLen) {
        if (progLen < 1 || progLen > RandGen.MAX_INSNS || prog.length < progLen) {
            throw new IllegalArgumentException("a program has 1 to " + RandGen.MAX_INSNS + " instructions");
        }
        for (int pc = 0; pc < progLen; pc++) {
            int insn = prog[pc];
            regA[pc] = OpCodes.regA(insn);
            regB[pc] = OpCodes.regB(insn);
            hasImm[pc] = OpCodes.hasImmediate(insn);
            long imm = OpCodes.immediate(insn);
            imm64[pc] = imm;
            immLo[pc] = (int) imm;
        }
        loaded = prog;
        loadedLen = progLen;
    }

    private void out1(int v) {
        vars[varTop++] = v;
    }

    private void out2(long v) {
        int t = varTop;
        vars[t] = (int) v;
        vars[t + 1] = (int) (v >>> 32);
        varTop = t + 2;
    }

    private void out4(long lo, long hi) {
        int t = varTop;
        vars[t] = (int) lo;
        vars[t + 1] = (int) (lo >>> 32);
        vars[t + 2] = (int) hi;
        vars[t + 3] = (int) (hi >>> 32);
        varTop = t + 4;
    }

    private int a32(int pc) {
        return vars[regA[pc]];
    }

    private int b32(int pc) {
        return hasImm[pc] ? immLo[pc] : vars[regB[pc]];
    }

    private long a64(int pc) {
        int r = regA[pc];
        return (vars[r - 1] & 0xffffffffL) | ((long) vars[r] << 32);
    }

    private long b64(int pc) {
        if (hasImm[pc]) {
            return imm64[pc];
        }
        int r = regB[pc];
        return (vars[r - 1] & 0xffffffffL) | ((long) vars[r] << 32);
    }

    /** Runs from {@code pc} to the END of the scope it opens; returns that END's index or ABORT. */
    private int interpret(int pc) {
        if (pc != 0) {
            vars[varTop++] = MARK;
            scopes[scopeTop++] = scopeStart;
            scopeStart = varTop;
        }
        for (;; pc++) {
            if (opCtr > MAX_OPS) {
                return ABORT;
            }
            opCtr++;
            int insn = prog[pc];
            switch (insn & 0xff) {
                case MEMORY -> {
                    int base = insn >>> 17;
                    int step = (insn >>> 13) & 15;
                    int carry = (insn >>> 9) & 15;
                    out1(mem[memOff + ((base + (loopCycle + carry) * step) & (MEMORY_WORDS - 1))]);
                }
                case IN -> out1(state[inOff + (immLo[pc] & 0xff)]);
                case LOOP -> {
                    int loops = immLo[pc];
                    int ret = pc;
                    for (int i = 0; i < loops; i++) {
                        loopCycle = i;
                        ret = interpret(pc + 1);
                        if (ret == ABORT) {
                            return ABORT;
                        }
                    }
                    pc = ret;
                    if (pc == progLen - 1) {
                        return pc;
                    }
                }
                case IF_LIKELY -> {
                    pc = interpret((a32(pc) & 7) != 0 ? pc + 2 : pc + 1);
                    if (pc == ABORT) {
                        return ABORT;
                    }
                }
                case IF_RANDOM -> {
                    pc = interpret((a32(pc) & 1) != 0 ? pc + 2 : pc + 1);
                    if (pc == ABORT) {
                        return ABORT;
                    }
                }
                case JMP -> pc += insn >>> 8;
                case END -> {
                    int start = scopeStart;
                    int top = varTop;
                    int ctr = hashCtr;
                    for (int i = start; i < top; i++) {
                        state[outOff + ctr] += vars[i];
                        ctr = (ctr + 1) & (MEMORY_WORDS - 1);
                    }
                    hashCtr = ctr;
                    varTop = start - 1; // drop the values and the scope marker
                    scopeStart = scopes[--scopeTop];
                    return pc;
                }

                case POPCNT8 -> out1(Lanes.popcnt8(a32(pc)));
                case POPCNT16 -> out1(Lanes.popcnt16(a32(pc)));
                case POPCNT32 -> out1(Integer.bitCount(a32(pc)));
                case CLZ8 -> out1(Lanes.clz8(a32(pc)));
                case CLZ16 -> out1(Lanes.clz16(a32(pc)));
                case CLZ32 -> out1(Integer.numberOfLeadingZeros(a32(pc)));
                case CTZ8 -> out1(Lanes.ctz8(a32(pc)));
                case CTZ16 -> out1(Lanes.ctz16(a32(pc)));
                case CTZ32 -> out1(Integer.numberOfTrailingZeros(a32(pc)));
                case BSWAP16 -> out1(Lanes.bswap16(a32(pc)));
                case BSWAP32 -> out1(Integer.reverseBytes(a32(pc)));

                case ADD8 -> out1(Lanes.add8(a32(pc), b32(pc)));
                case ADD16 -> out1(Lanes.add16(a32(pc), b32(pc)));
                case ADD32 -> out1(a32(pc) + b32(pc));
                case SUB8 -> out1(Lanes.sub8(a32(pc), b32(pc)));
                case SUB16 -> out1(Lanes.sub16(a32(pc), b32(pc)));
                case SUB32 -> out1(a32(pc) - b32(pc));
                case SHLL8 -> out1(Lanes.shll8(a32(pc), b32(pc)));
                case SHLL16 -> out1(Lanes.shll16(a32(pc), b32(pc)));
                case SHLL32 -> out1(a32(pc) << b32(pc));
                case SHRL8 -> out1(Lanes.shrl8(a32(pc), b32(pc)));
                case SHRL16 -> out1(Lanes.shrl16(a32(pc), b32(pc)));
                case SHRL32 -> out1(a32(pc) >>> b32(pc));
                case SHRA8 -> out1(Lanes.shra8(a32(pc), b32(pc)));
                case SHRA16 -> out1(Lanes.shra16(a32(pc), b32(pc)));
                case SHRA32 -> out1(a32(pc) >> b32(pc));
                case ROTL8 -> out1(Lanes.rotl8(a32(pc), b32(pc)));
                case ROTL16 -> out1(Lanes.rotl16(a32(pc), b32(pc)));
                case ROTL32 -> out1(Integer.rotateLeft(a32(pc), b32(pc)));
                case MUL8 -> out1(Lanes.mul8(a32(pc), b32(pc)));
                case MUL16 -> out1(Lanes.mul16(a32(pc), b32(pc)));
                case MUL32 -> out1(a32(pc) * b32(pc));
                case AND -> out1(a32(pc) & b32(pc));
                case OR -> out1(a32(pc) | b32(pc));
                case XOR -> out1(a32(pc) ^ b32(pc));

                case ADD8C -> out2(Lanes.add8c(a32(pc), b32(pc)));
                case SUB8C -> out2(Lanes.sub8c(a32(pc), b32(pc)));
                case MUL8C -> out2(Lanes.mul8c(a32(pc), b32(pc)));
                case MULSU8C -> out2(Lanes.mulsu8c(a32(pc), b32(pc)));
                case MULU8C -> out2(Lanes.mulu8c(a32(pc), b32(pc)));
                case ADD16C -> out2(Lanes.add16c(a32(pc), b32(pc)));
                case SUB16C -> out2(Lanes.sub16c(a32(pc), b32(pc)));
                case MUL16C -> out2(Lanes.mul16c(a32(pc), b32(pc)));
                case MULSU16C -> out2(Lanes.mulsu16c(a32(pc), b32(pc)));
                case MULU16C -> out2(Lanes.mulu16c(a32(pc), b32(pc)));
                case ADD32C -> out2((a32(pc) & 0xffffffffL) + (b32(pc) & 0xffffffffL));
                case SUB32C -> out2((a32(pc) & 0xffffffffL) - (b32(pc) & 0xffffffffL));
                case MUL32C -> out2((long) a32(pc) * (long) b32(pc));
                case MULSU32C -> out2((long) a32(pc) * (b32(pc) & 0xffffffffL));
                case MULU32C -> out2((a32(pc) & 0xffffffffL) * (b32(pc) & 0xffffffffL));

                case ADD64 -> out2(a64(pc) + b64(pc));
                case SUB64 -> out2(a64(pc) - b64(pc));
                case SHLL64 -> out2(a64(pc) << b64(pc));
                case SHRL64 -> out2(a64(pc) >>> b64(pc));
                case SHRA64 -> out2(a64(pc) >> b64(pc));
                case ROTL64 -> out2(Long.rotateLeft(a64(pc), (int) b64(pc)));
                case ROTR64 -> out2(Long.rotateRight(a64(pc), (int) b64(pc)));
                case MUL64 -> out2(a64(pc) * b64(pc));

                case ADD64C -> {
                    long a = a64(pc);
                    long b = b64(pc);
                    long r = a + b;
                    out4(r, Long.compareUnsigned(r, b) < 0 ? 1 : 0);
                }
                case SUB64C -> {
                    long a = a64(pc);
                    long b = b64(pc);
                    out4(a - b, Long.compareUnsigned(a, b) < 0 ? -1L : 0);
                }
                case MUL64C -> {
                    long a = a64(pc);
                    long b = b64(pc);
                    out4(a * b, Math.multiplyHigh(a, b));
                }
                case MULSU64C -> {
                    long a = a64(pc);
                    long b = b64(pc);
                    out4(a * b, Math.multiplyHigh(a, b) + ((b >> 63) & a));
                }
                case MULU64C -> {
                    long a = a64(pc);
                    long b = b64(pc);
                    out4(a * b, Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a));
                }
                default -> throw new IllegalStateException("invalid RandHash opcode " + (insn & 0xff) + " at " + pc);
            }
        }
    }
}
