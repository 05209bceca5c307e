package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.child.Child;
import org.opencsc.child.ChildRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Records whose id we assign are added with one statement, and never overwrite one that exists. */
class InsertsTest extends ApplicationTest {

  @Autowired
  ChildRepository children;

  @Autowired
  EntityManagerFactory entityManagerFactory;

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aNewRecordIsWrittenWithoutReadingItsIdFirst() {
    Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    statistics.clear();
    statistics.setStatisticsEnabled(true);
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> children.insert(child("Ada Insert")));
      assertThat(statistics.getPrepareStatementCount()).as("statements for one insert").isEqualTo(1);
      assertThat(statistics.getEntityInsertCount()).isEqualTo(1);
      assertThat(statistics.getEntityLoadCount()).as("rows read").isZero();
    } finally {
      statistics.setStatisticsEnabled(false);
      statistics.clear();
    }
  }

  @Test
  void aRecordWithAnExistingIdIsRefusedAndTheFirstStays() {
    Child first = child("First Child");
    new TransactionTemplate(transactions).executeWithoutResult(status -> children.insert(first));
    Child second = new Child(first.getId(), "Second Child", LocalDate.of(2016, 6, 6), false, true,
        Instant.now(), "sam");

    assertThatThrownBy(() -> new TransactionTemplate(transactions)
        .executeWithoutResult(status -> children.insert(second)))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(children.findById(first.getId())).get()
        .satisfies(stored -> {
          assertThat(stored.getName()).isEqualTo("First Child");
          assertThat(stored.getCreatedBy()).isEqualTo("sarah");
        });
  }

  private static Child child(String name) {
    return new Child(UUID.randomUUID().toString(), name, LocalDate.of(2015, 5, 5), true, false, Instant.now(), "sarah");
  }
}
