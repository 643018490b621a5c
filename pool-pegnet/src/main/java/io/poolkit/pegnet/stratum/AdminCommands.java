package io.poolkit.pegnet.stratum;

import io.poolkit.core.bytes.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prosper's console commands, one line in, one reply (possibly several lines) out: {@code listclients}
 * (alias {@code listminers}), {@code getversion SESSION}, {@code showmessage SESSION TEXT...},
 * {@code notify SESSION JOBID OPRHASH}, {@code settarget SESSION HEX}, {@code reconnect SESSION HOST PORT [WAIT]},
 * plus {@code setnonce SESSION DECIMAL} ({@code mining.set_nonce}, not in upstream's console) and {@code help}. Replies start with {@code ok} or {@code error:}. Thread safe.
 */
public final class AdminCommands {

    private final ProsperServer server;

    /** Commands acting on {@code server}. */
    public AdminCommands(ProsperServer server) {
        this.server = server;
    }

    /** Executes one command line. */
    public String execute(String line) {
        String[] w = line.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            return "error: empty command; try help";
        }
        String cmd = w[0].toLowerCase(Locale.ROOT);
        try {
            return switch (cmd) {
                case "help" -> "ok commands: listclients, getversion SESSION, showmessage SESSION TEXT..., "
                        + "notify SESSION JOBID OPRHASH, settarget SESSION HEX, setnonce SESSION DECIMAL, "
                        + "reconnect SESSION HOST PORT [WAIT]";
                case "listclients", "listminers" -> listClients();
                case "getversion" -> {
                    need(w, 2, "getversion SESSION");
                    yield onSession(w[1], ProsperSession::requestVersion,
                            "asked; the answer shows in listclients");
                }
                case "showmessage" -> {
                    need(w, 3, "showmessage SESSION TEXT...");
                    String text = String.join(" ", Arrays.copyOfRange(w, 2, w.length));
                    yield onSession(w[1], s -> s.showMessage(text), "sent");
                }
                case "notify" -> {
                    need(w, 4, "notify SESSION JOBID OPRHASH");
                    checkJob(w[2], w[3]);
                    ShareChecker.Job job = new ShareChecker.Job(w[2], w[3]);
                    yield onSession(w[1], s -> s.onJob(job), "sent");
                }
                case "settarget" -> {
                    need(w, 3, "settarget SESSION HEX");
                    String t = w[2].startsWith("0x") ? w[2].substring(2) : w[2];
                    if (t.length() != 16 || !Hex.isHex(t)) {
                        throw new IllegalArgumentException("target must be 16 hex digits, e.g. ffff000000000000");
                    }
                    yield onSession(w[1], s -> s.setTarget(t.toLowerCase(Locale.ROOT)), "sent");
                }
                case "setnonce" -> {
                    need(w, 3, "setnonce SESSION DECIMAL");
                    long n;
                    try {
                        n = Long.parseLong(w[2]);
                    } catch (NumberFormatException e) {
                        n = -1;
                    }
                    if (n < 0 || n > 0xffffffffL) {
                        throw new IllegalArgumentException("nonce prefix must be a number from 0 to 4294967295");
                    }
                    long prefix = n;
                    yield onSession(w[1], s -> s.setNonce(prefix), "sent");
                }
                case "reconnect" -> {
                    need(w, 4, "reconnect SESSION HOST PORT [WAIT]");
                    int port = number(w[3], 1, 65535, "port");
                    int wait = w.length > 4 ? number(w[4], 0, 86_400, "wait seconds") : 0;
                    yield onSession(w[1], s -> s.reconnect(w[2], port, wait), "sent");
                }
                default -> "error: unknown command " + cmd + "; try help";
            };
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    private String listClients() {
        List<ProsperSession.Info> all = server.sessions();
        StringBuilder b = new StringBuilder("ok ").append(all.size()).append(" clients");
        for (ProsperSession.Info i : all) {
            b.append('\n').append(i.sessionId()).append(' ').append(i.remote())
                    .append(" user=").append(i.user()).append(" miner=").append(i.minerId())
                    .append(" nonce=").append(i.nonce()).append(" agent=").append(i.agent())
                    .append(" version=").append(i.clientVersion())
                    .append(" accepted=").append(i.accepted()).append(" rejected=").append(i.rejected());
        }
        return b.toString();
    }

    private String onSession(String id, java.util.function.Consumer<ProsperSession> action, String done) {
        return server.withSession(id, action) ? "ok " + done : "error: no session " + id + "; see listclients";
    }

    private static void checkJob(String jobId, String oprHash) {
        if (!jobId.chars().allMatch(Character::isDigit) || jobId.length() > 10) {
            throw new IllegalArgumentException("job id must be a block height (decimal)");
        }
        if (oprHash.length() != 64 || !Hex.isHex(oprHash)) {
            throw new IllegalArgumentException("OPR hash must be 64 hex digits");
        }
    }

    private static int number(String s, int min, int max, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number from " + min + " to " + max);
        }
    }

    private static void need(String[] w, int n, String usage) {
        if (w.length < n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
