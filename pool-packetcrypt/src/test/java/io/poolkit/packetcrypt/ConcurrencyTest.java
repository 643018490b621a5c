package io.poolkit.packetcrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.ann.AnnCode;
import io.poolkit.packetcrypt.ann.AnnValidator;
import io.poolkit.packetcrypt.block.BlockResult;
import io.poolkit.packetcrypt.block.BlockValidator;
import io.poolkit.packetcrypt.block.SerializedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One validator shared by several threads gives every thread the single-threaded answers. */
class ConcurrencyTest {

    @Test
    void sharedValidatorsAreThreadSafe() throws Exception {
        AnnValidator anns = new AnnValidator();
        BlockValidator blocks = new BlockValidator(anns);
        byte[] good = Vectors.realAnnBytes();
        byte[] bad = Vectors.realAnnBytes();
        bad[100] ^= 1;
        byte[] parent = Vectors.realParentHash();
        String expectedWork = Vectors.realAnn().get("expected").get("final_state_hash_work_hash").asText();
        JsonNode v = Vectors.pcp().get("vectors").get("share");
        SerializedBlock block = SerializedBlock.parse(Vectors.hex(v.get("serialized_block_hex")));
        List<byte[]> parents = new ArrayList<>();
        v.get("ann_parent_hashes_internal_hex").forEach(h -> parents.add(Hex.decode(h.asText())));
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    StringBuilder out = new StringBuilder();
                    byte[] work = new byte[32];
                    for (int i = 0; i < 12; i++) {
                        if ((i + id) % 4 == 0) {
                            BlockResult r = blocks.validate(block.header(), block.pcp(), block.commit().orElseThrow(),
                                    v.get("block_height").asLong(), 0x1f3ffffc, parents);
                            out.append(r.label()).append(' ');
                        } else if ((i + id) % 2 == 0) {
                            out.append(anns.validate(bad, 0, parent, work)).append(' ');
                        } else {
                            AnnCode c = anns.validate(good, 0, parent, work);
                            out.append(c).append(':').append(Hex.encode(work).equals(expectedWork)).append(' ');
                        }
                    }
                    return out.toString();
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                StringBuilder expected = new StringBuilder();
                for (int i = 0; i < 12; i++) {
                    expected.append((i + t) % 4 == 0 ? "SHARE_OK" : (i + t) % 2 == 0 ? "INVAL" : "OK:true").append(' ');
                }
                assertEquals(expected.toString(), results.get(t).get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
