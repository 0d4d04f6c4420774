package fr.defense.rapid.perf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * {@code count} operations run by {@code clients} concurrent clients, each taking the next one as soon
 * as it is done with its own (a closed loop, as users behind their screens): the wall time, each
 * operation's latency and what it answered.
 */
final class Load {

    /** One operation's outcome: its latency (the timed part only) and its HTTP status. */
    record Sample(long nanos, int status, String result) {}

    /** What a run measured. */
    record Run(long wallNanos, List<Sample> samples) {
        double perSecond() {
            return samples.size() / (wallNanos / 1e9);
        }

        List<String> results() {
            return samples.stream().map(Sample::result).toList();
        }
    }

    private Load() {}

    static Run run(int clients, int count, IntFunction<Sample> operation) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        samples.add(operation.apply(i));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Run(System.nanoTime() - start, List.copyOf(samples));
    }

    /** Runs the preparation of each item with some clients, untimed; returns what each gave, in order. */
    static <T> List<T> prepare(int clients, int count, IntFunction<T> preparation) {
        List<T> prepared = new ArrayList<>(Collections.nCopies(count, null));
        run(clients, count, i -> {
            T item = preparation.apply(i);
            synchronized (prepared) {
                prepared.set(i, item);
            }
            return new Sample(0, 0, null);
        });
        return prepared;
    }
}
