package io.github.targetscore.core;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Evaluates an {@link EnergyModel} over a batch in parallel: the rows are cut into contiguous
 * blocks, one per worker of a bounded {@link ForkJoinPool}, and each block goes through the
 * model's own batch method. Results are identical to the sequential call (every row is computed
 * by the same code), whatever the number of threads. Immutable and thread-safe.
 */
public final class ParallelEnergies {

    private final ForkJoinPool pool;
    private final int minimumRowsPerTask;

    private ParallelEnergies(ForkJoinPool pool, int minimumRowsPerTask) {
        this.pool = pool;
        this.minimumRowsPerTask = minimumRowsPerTask;
    }

    /**
     * @param pool the workers; its parallelism sets the number of blocks
     * @param minimumRowsPerTask below twice this many rows the batch runs on the calling thread
     */
    public static ParallelEnergies of(ForkJoinPool pool, int minimumRowsPerTask) {
        if (minimumRowsPerTask < 1) {
            throw new IllegalArgumentException("minimumRowsPerTask must be >= 1, got "
                    + minimumRowsPerTask);
        }
        return new ParallelEnergies(pool, minimumRowsPerTask);
    }

    /** The pool's parallelism. */
    public int parallelism() {
        return pool.getParallelism();
    }

    /**
     * Same as {@link EnergyModel#energyAndGradient(double[], int, int, double[], double[])}, in
     * parallel.
     */
    public void energyAndGradient(EnergyModel model, double[] xs, int start, int count,
            double[] energies, double[] gradients) {
        run(start, count, (from, n) -> model.energyAndGradient(xs, from, n, energies, gradients));
    }

    /** Same as {@link EnergyModel#energies(double[], int, int, double[])}, in parallel. */
    public void energies(EnergyModel model, double[] xs, int start, int count, double[] energies) {
        run(start, count, (from, n) -> model.energies(xs, from, n, energies));
    }

    /** A piece of work over the rows {@code from .. from + count − 1}. */
    @FunctionalInterface
    public interface RowRange {
        /** Processes rows {@code from .. from + count − 1}. */
        void run(int from, int count);
    }

    /**
     * Runs {@code work} over rows {@code start .. start + count − 1} cut into at most
     * {@link #parallelism()} contiguous blocks.
     */
    public void run(int start, int count, RowRange work) {
        int blocks = Math.min(pool.getParallelism(), count / minimumRowsPerTask);
        if (blocks <= 1) {
            work.run(start, count);
            return;
        }
        pool.invoke(new Block(work, start, count, blocks));
    }

    private static final class Block extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient RowRange work;
        private final int start;
        private final int count;
        private final int blocks;

        Block(RowRange work, int start, int count, int blocks) {
            this.work = work;
            this.start = start;
            this.count = count;
            this.blocks = blocks;
        }

        @Override
        protected void compute() {
            if (blocks == 1) {
                work.run(start, count);
                return;
            }
            int leftBlocks = blocks / 2;
            int leftCount = (int) ((long) count * leftBlocks / blocks);
            invokeAll(new Block(work, start, leftCount, leftBlocks),
                    new Block(work, start + leftCount, count - leftCount, blocks - leftBlocks));
        }
    }
}
