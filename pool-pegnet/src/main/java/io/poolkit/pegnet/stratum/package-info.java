/**
 * The Prosper pool's stratum dialect: for now the share check of {@code mining.submit}, with upstream's checks
 * in upstream's order, per connection.
 */
package io.poolkit.pegnet.stratum;
