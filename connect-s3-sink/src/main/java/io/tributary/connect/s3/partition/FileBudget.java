package io.tributary.connect.s3.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * {@code max.open.files.per.task}: before a writer opens a file while the task already has the maximum open, the
 * task's oldest open file (opened first) is closed and uploaded. With late records spread over many days each
 * day is a file, so this caps memory (about one buffer per open file) whatever the spread.
 */
public final class FileBudget {
    private final int maxOpenFiles;
    private final List<PartitionWriter> writers = new ArrayList<>();
    private long sequence;

    public FileBudget(int maxOpenFiles) {
        this.maxOpenFiles = maxOpenFiles;
    }

    void register(PartitionWriter writer) {
        writers.add(writer);
    }

    void unregister(PartitionWriter writer) {
        writers.remove(writer);
    }

    /** Makes room for one more open file; returns the sequence number of the file about to open. */
    long beforeOpen() {
        while (openFiles() >= maxOpenFiles) {
            writers.stream().filter(w -> w.oldestOpenFile() != null)
                    .min(Comparator.comparingLong(w -> w.oldestOpenFile().openedSequence()))
                    .orElseThrow()
                    .closeOldest("max.open.files.per.task=" + maxOpenFiles);
        }
        return sequence++;
    }

    public int openFiles() {
        return writers.stream().mapToInt(PartitionWriter::openFileCount).sum();
    }

    Collection<PartitionWriter> writers() {
        return writers;
    }
}
