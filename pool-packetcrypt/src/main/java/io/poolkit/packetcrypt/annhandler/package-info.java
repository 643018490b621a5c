/**
 * The AnnHandler role: {@code POST /submit} of announcement batches with full validation, routing
 * and dedup checks, one pay-log event per batch for the PayMaker, and the accepted anns served to
 * block miners as {@code /anns/index.json} and {@code /anns/anns_<parentHeight>_<handler>_<n>.bin}.
 */
package io.poolkit.packetcrypt.annhandler;
