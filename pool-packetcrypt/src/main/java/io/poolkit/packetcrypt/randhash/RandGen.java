package io.poolkit.packetcrypt.randhash;

import io.poolkit.packetcrypt.crypto.HashExpand;

/**
 * Generates a RandHash program from a 32-byte seed, exactly as the reference generator does: a
 * budget of 20000 is spent on loops, operations, inputs and branches drawn from a random stream
 * ({@code HashExpand(64, seed, ctr++)} read as 16 little-endian words). Variables are tracked on a
 * stack of scopes so that generated registers always name live values. A program that would pass
 * {@link #MAX_INSNS} instructions is invalid. Not thread safe: keep one per thread.
 */
public final class RandGen {

    public static final int MAX_INSNS = 2048;
    /** Returned by {@link #generate} for a program over {@link #MAX_INSNS} instructions. */
    public static final int TOO_BIG = -1;

    private static final int INITIAL_BUDGET = 20000;
    private static final int MEMORY_COST = 20;
    private static final int INPUT_COST = 2;
    private static final int BRANCH_COST = 50;
    private static final int RANDOM_BRANCH_ONE_IN = 2;
    private static final int HIGHER_SCOPE_ONE_IN = 4;
    private static final int VAR_REUSE_ONE_IN = 8;
    private static final int IMMEDIATE_ONE_IN = 4;
    private static final int SCOPE_MARK = ~0;

    private static final int T11 = 0;
    private static final int T21 = 1;
    private static final int T22 = 2;
    private static final int T42 = 3;
    private static final int T44 = 4;
    private static final int[] COST = {1, 2, 4, 8, 16};

    private final HashExpand expand = new HashExpand();
    private final byte[] seed = new byte[32];
    private final int[] rand = new int[16];
    private int nextRand;
    private int randCounter;

    private int[] insns;
    private int count;
    private boolean tooBig;

    private int[] vars = new int[4096];
    private int varTop;
    private int scopeDepth;

    private final int[] budgets = new int[512];
    private int budgetTop;

    /**
     * Writes the program for {@code seed[seedOff..seedOff+32)} into {@code out} (at least
     * {@link #MAX_INSNS} words) and returns its length, or {@link #TOO_BIG}.
     */
    public int generate(byte[] seedBytes, int seedOff, int[] out) {
        if (out.length < MAX_INSNS) {
            throw new IllegalArgumentException("program buffer must hold " + MAX_INSNS + " words");
        }
        System.arraycopy(seedBytes, seedOff, seed, 0, 32);
        nextRand = rand.length;
        randCounter = 0;
        insns = out;
        count = 0;
        tooBig = false;
        varTop = 0;
        scopeDepth = 0;
        budgetTop = 0;
        loop(pushBudget(INITIAL_BUDGET));
        insns = null;
        return tooBig ? TOO_BIG : count;
    }

    private int next() {
        if (nextRand >= rand.length) {
            expand.expandWords(rand, 0, rand.length, seed, 0, randCounter++);
            nextRand = 0;
        }
        return rand[nextRand++];
    }

    private boolean cointoss(int oneIn) {
        return Integer.remainderUnsigned(next(), oneIn) == 0;
    }

    private int randRange(int start, int end) {
        return Integer.remainderUnsigned(next(), end - start) + start;
    }

    private int pushBudget(int value) {
        budgets[budgetTop] = value;
        return budgetTop++;
    }

    private boolean spend(int budget, int amount) {
        if (budgets[budget] >= amount) {
            budgets[budget] -= amount;
            return true;
        }
        return false;
    }

    private void emit(int insn) {
        if (count >= MAX_INSNS) {
            tooBig = true;
            return;
        }
        insns[count++] = insn;
    }

    private void pushVar(int value) {
        if (varTop == vars.length) {
            vars = java.util.Arrays.copyOf(vars, vars.length * 2);
        }
        vars[varTop++] = value;
    }

    private void openScope() {
        scopeDepth++;
        pushVar(SCOPE_MARK);
    }

    private void closeScope() {
        emit(OpCodes.END);
        scopeDepth--;
        while (vars[--varTop] != SCOPE_MARK) {
            // drop the scope's variables
        }
    }

    private int getVar(boolean dbl) {
        int eof = varTop;
        int bof = eof - 1;
        for (; bof >= 0; bof--) {
            if (vars[bof] != SCOPE_MARK) {
                continue;
            }
            boolean tooSmall = dbl ? bof >= eof - 2 : bof >= eof - 1;
            if (!tooSmall) {
                if (bof == 0 || !cointoss(HIGHER_SCOPE_ONE_IN)) {
                    break;
                }
            }
            eof = bof;
        }
        if (bof < 0) {
            throw new IllegalStateException("RandGen found no variable frame");
        }
        int start = randRange(bof + 1, eof);
        for (int j = start + 1;; j++) {
            if (j >= eof) {
                j = bof + 1;
            }
            if ((!dbl || j > bof + 1) && cointoss(VAR_REUSE_ONE_IN)) {
                return markUsed(j, dbl);
            } else if ((vars[j] & 1) == 0 && (!dbl || (vars[j - 1] & 1) == 0)) {
                return markUsed(j, dbl);
            }
        }
    }

    private int markUsed(int j, boolean dbl) {
        vars[j] |= 1;
        if (dbl) {
            vars[j - 1] |= 1;
        }
        return j;
    }

    private int regA(boolean dbl) {
        return getVar(dbl) << 9;
    }

    private int regB(boolean dbl) {
        if (cointoss(IMMEDIATE_ONE_IN)) {
            return (next() << 20) | (1 << 18);
        }
        return getVar(dbl) << 20;
    }

    private boolean op(int type, int budget) {
        int r = next();
        if (!spend(budget, COST[type])) {
            return false;
        }
        switch (type) {
            case T11 -> {
                emit(pick(OpCodes.FIRST_1_1, OpCodes.COUNT_1_1, r) | regA(false));
                pushVar(0);
            }
            case T21 -> {
                emit(pick(OpCodes.FIRST_2_1, OpCodes.COUNT_2_1, r) | regA(false) | regB(false));
                pushVar(0);
            }
            case T22 -> {
                emit(pick(OpCodes.FIRST_2_2, OpCodes.COUNT_2_2, r) | regA(false) | regB(false));
                pushVar(0);
                pushVar(0);
            }
            case T42 -> {
                emit(pick(OpCodes.FIRST_4_2, OpCodes.COUNT_4_2, r) | regA(true) | regB(true));
                pushVar(0);
                pushVar(0);
            }
            default -> {
                emit(pick(OpCodes.FIRST_4_4, OpCodes.COUNT_4_4, r) | regA(true) | regB(true));
                pushVar(0);
                pushVar(0);
                pushVar(0);
                pushVar(0);
            }
        }
        return true;
    }

    private static int pick(int first, int count, int r) {
        return first + Integer.remainderUnsigned(r, count);
    }

    private boolean input(int budget) {
        if (!spend(budget, INPUT_COST)) {
            return false;
        }
        pushVar(0);
        emit((next() << 8) | OpCodes.IN);
        return true;
    }

    private boolean branch(int budget) {
        if (!spend(budget, BRANCH_COST)) {
            return false;
        }
        int op = cointoss(RANDOM_BRANCH_ONE_IN) ? OpCodes.IF_RANDOM : OpCodes.IF_LIKELY;
        emit(regA(false) | op | (2 << 20));
        int j1 = count;
        emit(OpCodes.JMP);
        body(pushBudget(ifBodyBudget(budget)), true);
        budgetTop--;
        int j2 = count;
        emit(OpCodes.JMP);
        body(pushBudget(ifBodyBudget(budget)), true);
        budgetTop--;
        if (!tooBig) {
            insns[j1] = ((j2 - j1) << 8) | OpCodes.JMP;
            insns[j2] = ((count - j2 - 1) << 8) | OpCodes.JMP;
        }
        return true;
    }

    private int ifBodyBudget(int budget) {
        return (int) (((budgets[budget] & 0xffffffffL) * 7) / 32);
    }

    /** Always returns false, as the reference does: a body ends after a nested loop. */
    private boolean loop(int budget) {
        int loopLen = randRange(2, 7 + scopeDepth * 29);
        int memoryAccesses = randRange(2, 4);
        if (budgets[budget] < MEMORY_COST * loopLen) {
            return false;
        }
        budgets[budget] /= loopLen;
        emit((loopLen << 20) | OpCodes.LOOP);
        openScope();
        int template = (next() << 8) | OpCodes.MEMORY;
        for (int i = 0; i < memoryAccesses; i++) {
            if (!spend(budget, MEMORY_COST)) {
                break;
            }
            pushVar(0);
            emit((template & ~(15 << 9)) | ((next() & 15) << 9));
        }
        body(budget, false);
        closeScope();
        return false;
    }

    private void body(int budget, boolean newScope) {
        if (newScope) {
            openScope();
        }
        outer:
        for (;;) {
            if (count > MAX_INSNS) {
                break;
            }
            int max = randRange(2, 12);
            for (int i = 1; i <= max; i++) {
                if (cointoss(4 * max / i) && op(T44, budget)) {
                    continue;
                }
                if (cointoss(3 * max / i) && op(T42, budget)) {
                    continue;
                }
                if (cointoss(3 * max / i) && op(T22, budget)) {
                    continue;
                }
                if (cointoss(2 * max / i) && op(T21, budget)) {
                    continue;
                }
                if (cointoss(i) && input(budget)) {
                    continue;
                }
                if (op(T11, budget)) {
                    continue;
                }
                break outer;
            }
            if (shouldBranch(next()) && !branch(budget)) {
                break;
            }
            if (Integer.remainderUnsigned(next(), 32) < 23 && !loop(budget)) {
                break;
            }
        }
        if (newScope) {
            closeScope();
        }
    }

    private boolean shouldBranch(int r) {
        return Integer.remainderUnsigned(r, 64) + (count * 25 / MAX_INSNS) < 50;
    }
}
