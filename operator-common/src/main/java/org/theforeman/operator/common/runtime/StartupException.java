package org.theforeman.operator.common.runtime;

/**
 * A reason the operator cannot start that a person can fix (no cluster, CRD missing, RBAC missing).
 * Its message is printed as one line and the process exits non-zero, with no stack trace.
 */
public class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
