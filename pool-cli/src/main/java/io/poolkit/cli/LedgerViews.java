package io.poolkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code poolkit balances}, {@code poolkit blocks}, {@code poolkit payouts}: read-only views of the ledger. */
final class LedgerViews {

    private LedgerViews() {
    }

    /** Table, JSON or CSV. */
    static final class Format {
        @Option(names = "--json", description = "Print one JSON array.")
        boolean json;

        @Option(names = "--csv", description = "Print CSV with a header row.")
        boolean csv;
    }

    @Command(name = "balances", mixinStandardHelpOptions = true,
            header = "What the pool owes each address, in base units.",
            description = {"What the pool owes each address, in base units: pending (blocks not mature yet),",
                "confirmed (payable), in flight (in a payout being sent) and paid."},
            footer = {"", "Example:", "  poolkit balances --config pool.yml",
                "  address                                     pending      confirmed    in_flight         paid",
                "  RHt8d...                                          0     1237500000            0            0"})
    static final class Balances implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LedgerSource source = new LedgerSource();
        @ArgGroup(exclusive = true)
        Format format = new Format();

        @Override
        public Integer call() {
            List<Balance> balances;
            try (LedgerStore store = source.open()) {
                balances = store.balances().all(source.chain());
            }
            List<String> header = List.of("address", "pending", "confirmed", "in_flight", "paid");
            List<List<Object>> rows = balances.stream().map(b -> List.<Object>of(b.address(), b.pending(), b.confirmed(),
                    b.inFlight(), b.paid())).toList();
            print(spec.commandLine().getOut(), format, header, rows);
            return 0;
        }
    }

    @Command(name = "blocks", mixinStandardHelpOptions = true,
            description = "The blocks the pool found, newest first, with their state (pending, confirmed, orphaned).",
            footer = {"", "Example:", "  poolkit blocks --config pool.yml --json",
                "  [{\"height\":101,\"hash\":\"3f1c...\",\"state\":\"confirmed\",\"finder\":\"RHt8d...\",\"reward\":5000000000,...}]"})
    static final class Blocks implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LedgerSource source = new LedgerSource();
        @ArgGroup(exclusive = true)
        Format format = new Format();
        @Option(names = "--limit", defaultValue = "100", description = "How many blocks (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            List<Block> blocks;
            String chain = source.chain();
            try (LedgerStore store = source.open()) {
                blocks = store.blocks().recent(limit).stream().filter(b -> b.found().chain().equals(chain)).toList();
            }
            List<String> header = List.of("height", "hash", "state", "finder", "reward", "found_at", "credited");
            List<List<Object>> rows = blocks.stream().map(b -> List.<Object>of(b.found().height(), b.found().hash(),
                    b.state().name().toLowerCase(java.util.Locale.ROOT), b.found().finderAddress(), b.found().reward(),
                    b.found().foundAt().toString(), b.credited())).toList();
            print(spec.commandLine().getOut(), format, header, rows);
            return 0;
        }
    }

    @Command(name = "payouts", mixinStandardHelpOptions = true,
            header = "The payouts, newest first, one row per output.",
            description = {"The payouts, newest first: one row per output (address, amount debited, fee taken,",
                "net sent) with the payout's label, state and txid."},
            footer = {"", "Example:", "  poolkit payouts --config pool.yml --csv > payouts.csv",
                "  label,state,txid,address,amount,fee,net,created_at",
                "  run-1767225600000-1,sent,9b0f...,RHt8d...,1237500000,0,1237500000,2026-01-01T00:00:00Z"})
    static final class Payouts implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LedgerSource source = new LedgerSource();
        @ArgGroup(exclusive = true)
        Format format = new Format();
        @Option(names = "--limit", defaultValue = "100", description = "How many payouts (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            List<Payout> payouts;
            try (LedgerStore store = source.open()) {
                payouts = store.payouts().recent(source.chain(), limit);
            }
            List<String> header = List.of("label", "state", "txid", "address", "amount", "fee", "net", "created_at");
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (Payout p : payouts) {
                for (PayoutOutput o : p.outputs()) {
                    rows.add(List.of(p.label(), p.state().name().toLowerCase(java.util.Locale.ROOT), p.txid().orElse(""),
                            o.address(), o.amount(), o.fee(), o.net(), p.createdAt().toString()));
                }
            }
            print(spec.commandLine().getOut(), format, header, rows);
            return 0;
        }
    }

    static void print(PrintWriter out, Format format, List<String> header, List<List<Object>> rows) {
        if (format.json) {
            ArrayNode array = Json.object().arrayNode();
            for (List<Object> row : rows) {
                ObjectNode o = array.addObject();
                for (int i = 0; i < header.size(); i++) {
                    Object v = row.get(i);
                    if (v instanceof Long l) {
                        o.put(header.get(i), l);
                    } else if (v instanceof Boolean b) {
                        o.put(header.get(i), b);
                    } else {
                        o.put(header.get(i), String.valueOf(v));
                    }
                }
            }
            out.println(Json.line(array));
        } else if (format.csv) {
            try {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                        .setRecordSeparator("\n").build());
                for (List<Object> row : rows) {
                    csv.printRecord(row);
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            StringBuilder fmt = new StringBuilder();
            for (int i = 0; i < header.size(); i++) {
                fmt.append(i == 0 ? "%-40s" : " %12s");
            }
            fmt.append("%n");
            out.printf(fmt.toString(), header.toArray());
            for (List<Object> row : rows) {
                out.printf(fmt.toString(), row.toArray());
            }
            if (rows.isEmpty()) {
                out.println("(none)");
            }
        }
        out.flush();
    }
}
