package org.lumbung.pipeline;

/**
 * An exception that already knows its {@link FailureKind}: {@link FailureKind#of} takes the kind from it, so the stage
 * that threw it (the HTTP client, the address guard) is not read back from its type or its message.
 */
public interface KnownFailure {

    FailureKind kind();
}
