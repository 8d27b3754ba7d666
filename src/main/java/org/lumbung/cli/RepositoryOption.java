package org.lumbung.cli;

import picocli.CommandLine.Option;

/** Where backup and restore find snapshots: a repository registered on the cluster, or the embedded node's folder. */
public final class RepositoryOption {

    @Option(names = "--repository", paramLabel = "NAME",
            description = "A snapshot repository registered on the cluster; default: the embedded node's folder.")
    String name;
}
