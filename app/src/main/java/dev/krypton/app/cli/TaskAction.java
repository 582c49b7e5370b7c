package dev.krypton.app.cli;

/** The Orbital tasks {@code krypton task} sends, with the task type each one becomes (docs/design.md section 7). */
public enum TaskAction {
    LINK("SYSTEM_LINK"),
    UNLINK("SYSTEM_UNLINK"),
    SWITCH("SYSTEM_SWITCH"),
    ROTATE("KEY_ROTATE"),
    DISABLE("KEY_DISABLE"),
    ENABLE("KEY_ENABLE"),
    DESTROY("KEY_DELETE");

    private final String taskType;

    TaskAction(String taskType) {
        this.taskType = taskType;
    }

    /** The TaskRequest {@code type}. */
    public String taskType() {
        return taskType;
    }
}
