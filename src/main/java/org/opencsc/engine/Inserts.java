package org.opencsc.engine;

/**
 * For repositories of records whose id we assign (a task's id, a case's process instance id, a
 * UUID): adds a row that must not exist yet. Spring Data's {@code save} cannot tell such a record
 * is new, so it reads the row by id before every insert and would overwrite a row that exists;
 * {@code insert} writes the row alone, and a row with the same id fails the transaction.
 */
public interface Inserts<T> {

  /** Adds the record (written when the transaction flushes); fails if a record with its id exists. */
  T insert(T record);
}
