/**
 * The Master role: builds {@code work_<height>.bin} from the node's block template, serves it
 * (with a long poll on the next height), the pool's {@code config.json} and forever-cacheable
 * {@code blkinfo_<hash>.json}; and the client the handlers use to read it.
 */
package io.poolkit.packetcrypt.master;
