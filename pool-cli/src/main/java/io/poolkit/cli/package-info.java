/**
 * The {@code poolkit} command line (picocli). Commands only parse options, call library code and
 * print; all pool logic lives in the library modules.
 */
package io.poolkit.cli;
