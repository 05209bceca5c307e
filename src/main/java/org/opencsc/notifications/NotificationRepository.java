package org.opencsc.notifications;

import java.util.List;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, String>, Inserts<Notification> {

  List<Notification> findByChildIdOrderByCreatedAtAscSendAtAsc(String childId);

  List<Notification> findByTaskIdOrderByCreatedAtAscSendAtAsc(String taskId);
}
