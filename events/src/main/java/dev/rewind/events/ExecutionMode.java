package dev.rewind.events;

/** Whether the decision matrix lets Rewind act on its own or always wants a human at the controls. */
public enum ExecutionMode {
    AUTOMATED,
    MANUAL
}
