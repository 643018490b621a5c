package io.poolkit.core.regtest;

import io.poolkit.core.address.Address;
import io.poolkit.core.chain.BlockAssembler;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.chain.BlockTemplate;
import io.poolkit.core.chain.Coinbase;
import io.poolkit.core.chain.CoinbaseBuilder;
import io.poolkit.core.target.Target;

/** What a pool does with a template, in a few lines: coinbase, header, nonce grinding, block. */
final class RegtestMining {

    /** A solved block and its parts. */
    record Solved(BlockTemplate template, Coinbase coinbase, BlockHeader header, String blockHex) {
    }

    private RegtestMining() {
    }

    static Solved solve(BlockTemplate template, Address payout, byte[] extranonce1, byte[] extranonce2) {
        Coinbase coinbase = CoinbaseBuilder.forTemplate(template).payoutAddress(payout).poolTag("/poolkit/").build()
                .complete(extranonce1, extranonce2);
        Target target = template.target();
        BlockHeader header = BlockAssembler.header(template, coinbase, template.version(), template.curTime(), 0);
        // Regtest's target is half the hash space: a few tries are enough.
        for (long nonce = 0; nonce <= 0xffffffffL; nonce++) {
            BlockHeader candidate = header.withNonce(nonce);
            if (target.isMetBy(candidate.hashInternal())) {
                return new Solved(template, coinbase, candidate, BlockAssembler.assembleHex(template, coinbase, candidate));
            }
        }
        throw new IllegalStateException("no nonce meets " + target);
    }
}
