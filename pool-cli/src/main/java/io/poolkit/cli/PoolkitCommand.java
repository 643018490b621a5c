package io.poolkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code poolkit} command: one entry point whose subcommands compose the library modules. */
@Command(name = "poolkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Mining-pool toolkit: addresses, targets, proof-of-work hashing and share checks, a stratum pool, a CPU miner, the ledger store, PegNet LXRHash tables and OPR grading, PacketCrypt verifiers, Bismuth hypernode schedules.",
        subcommands = {
            AddressCommand.class,
            TargetCommand.class,
            HashCommand.class,
            VerifyShareCommand.class,
            MinerCommand.class,
            StratumCommand.class,
            DemoCommand.class,
            LedgerCommand.class,
            PayoutCommand.class,
            LedgerViews.Balances.class,
            LedgerViews.Blocks.class,
            LedgerViews.Payouts.class,
            PacketCryptCommand.class,
            HnCommand.class,
            QtumCommand.class,
            PegnetCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Run 'poolkit help COMMAND' or 'poolkit COMMAND --help' for a command's options and examples.",
            "Exit status: 0 success, 1 a negative answer (invalid address, share not meeting its target), 2 bad input,",
            "3 a failure that is not the input's fault (node or database unreachable, I/O)."})
public final class PoolkitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new PoolkitCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    @Override
    public void run() {
        // Bare "poolkit": show what there is to do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
