package io.github.targetscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LineWriterTest {

    /**
     * Threads that write their lines a character at a time into one sink leave every line
     * whole; an unfinished last line is ended and written on close.
     */
    @Test
    void linesOfThreadsNeverInterleave() throws Exception {
        int threads = 4;
        int lines = 300;
        StringWriter sink = new StringWriter();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "thread " + t + " line ";
            Thread writer = new Thread(() -> {
                PrintWriter printer = LineWriter.over(sink);
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < lines; i++) {
                    for (char c : (prefix + i + "\n").toCharArray()) {
                        printer.print(c);
                        printer.flush();
                    }
                }
                printer.print(prefix + "end");
                printer.close();
            });
            writer.start();
            writers.add(writer);
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        String[] written = sink.toString().split("\n");
        assertEquals(threads * (lines + 1), written.length);
        int[] next = new int[threads];
        for (String line : written) {
            String[] words = line.split(" ");
            int t = Integer.parseInt(words[1]);
            if (words[3].equals("end")) {
                assertEquals(lines, next[t], line);
            } else {
                assertEquals(next[t]++, Integer.parseInt(words[3]), line);
            }
            assertEquals(4, words.length, line);
        }
    }
}
