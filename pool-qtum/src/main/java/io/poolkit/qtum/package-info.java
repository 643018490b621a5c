/**
 * Qtum super-staker pool payout manager (PPMU): chain watching, delegate crediting by mature UTXO
 * weight, PPM-compatible files and daily payouts. This artifact is being built; see the README.
 */
package io.poolkit.qtum;
