/** The commands of the command line: run, harvest, ingest and search. */
package org.lumbung.cli;
