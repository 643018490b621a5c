/**
 * Ledger schema migrations written in Java, for steps SQL cannot express the same way on SQLite and
 * PostgreSQL; Flyway runs them in version order with the SQL scripts of the same folder.
 */
package io.poolkit.core.ledger.migration;
