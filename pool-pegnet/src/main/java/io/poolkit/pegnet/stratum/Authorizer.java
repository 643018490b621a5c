package io.poolkit.pegnet.stratum;

import java.util.Set;

/** Decides {@code mining.authorize}: upstream registers unknown users with an invite code; poolkit takes a list. */
@FunctionalInterface
public interface Authorizer {

    /** Any user (upstream's stratum-only mode, {@code requireauth = false}). */
    Authorizer ANY = (user, miner, password) -> true;

    /** Whether {@code user} (with miner id {@code miner} and {@code password}, possibly "") may mine. */
    boolean authorize(String user, String miner, String password);

    /** Only the listed users (passwords ignored, as upstream does for existing users). */
    static Authorizer users(Set<String> allowed) {
        Set<String> copy = Set.copyOf(allowed);
        return (user, miner, password) -> copy.contains(user);
    }
}
