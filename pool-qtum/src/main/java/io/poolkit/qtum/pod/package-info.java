/**
 * Proof of Delegation (PoD): the delegate's compact secp256k1 signature over the Qtum signed-message
 * hash of the super staker's hash160. Verifying a PoD means recovering the delegate's public key from
 * the signature and comparing its address.
 */
package io.poolkit.qtum.pod;
