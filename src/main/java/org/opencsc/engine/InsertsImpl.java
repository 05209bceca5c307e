package org.opencsc.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.transaction.annotation.Transactional;

/** {@link Inserts} for every repository that extends it (Spring Data finds it by name). */
class InsertsImpl<T> implements Inserts<T> {

  @PersistenceContext
  private EntityManager entityManager;

  @Override
  @Transactional
  public T insert(T record) {
    entityManager.persist(record);
    return record;
  }
}
