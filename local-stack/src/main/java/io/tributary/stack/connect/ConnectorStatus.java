package io.tributary.stack.connect;

import java.util.List;

/**
 * State of a connector and its tasks as the Connect REST API reports it.
 *
 * @param state  RUNNING, PAUSED, FAILED, UNASSIGNED, STOPPED, or {@link #ABSENT} when the worker does not know it
 * @param trace  the connector's failure trace, if any
 * @param tasks  its tasks
 */
public record ConnectorStatus(String name, String state, String trace, List<Task> tasks) {

    public static final String ABSENT = "ABSENT";

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    /** @param trace the task's failure trace, if any */
    public record Task(int id, String state, String trace) {
    }

    static ConnectorStatus absent(String name) {
        return new ConnectorStatus(name, ABSENT, null, List.of());
    }

    /** The connector and at least one task run, and no task is in another state. */
    public boolean isRunning() {
        return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    public boolean hasFailed() {
        return "FAILED".equals(state) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
    }

    /** The first failure trace of the connector or a task. */
    public String firstTrace() {
        if (trace != null) {
            return trace;
        }
        return tasks.stream().map(Task::trace).filter(t -> t != null).findFirst().orElse("");
    }
}
