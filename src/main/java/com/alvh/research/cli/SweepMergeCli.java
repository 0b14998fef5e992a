package com.alvh.research.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.alvh.research.SweepFiles;
import com.alvh.research.SweepMerge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alvh sweep-merge}: the output directories of a sweep's shards merged into the results of the whole sweep. */
@Command(name = "sweep-merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merge the output directories of 'sweep --shard i/N' runs into one ranked results.csv, results.json "
                + "and report.html, with PBO and the deflated Sharpe ratio recomputed over every variant. Fails naming "
                + "the first missing or duplicated variant.")
public final class SweepMergeCli implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "the --out directories of the shards")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the merged results go")
    Path out;

    @Option(names = "--quiet", description = "no summary")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        var summary = SweepMerge.merge(shards, out);
        if (!quiet) {
            SweepCli.print(SweepFiles.readHeader(out).spec(), summary, (System.nanoTime() - t0) / 1e9, out);
        }
        return 0;
    }
}
