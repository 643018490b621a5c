/**
 * Addresses: Base58 and Base58Check, the table of named networks and their version bytes, public
 * key to P2PKH, Bech32/Bech32m segwit addresses, WIF keys, and address to output script. Parsing
 * says precisely what was wrong with a rejected address.
 */
package io.poolkit.core.address;
