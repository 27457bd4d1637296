package no.formidler.notify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Delivery of notifications as db-scheduler jobs, one per notification under its unique key; scheduled through the
 * caller's transaction (db-scheduler's DataSource is transaction-aware), so a job exists if and only if its
 * notification committed. Off when no mail server is configured ({@code spring.mail.host}), as logged at start.
 */
@Component
class MailDeliveries {
    static final TaskDescriptor<Void> SEND = TaskDescriptor.of("send-notification");
    private static final Logger log = LoggerFactory.getLogger(MailDeliveries.class);
    private final boolean enabled;
    private final SchedulerClient scheduler;

    MailDeliveries(ObjectProvider<JavaMailSender> mail, SchedulerClient scheduler) {
        this.enabled = mail.getIfAvailable() != null;
        this.scheduler = scheduler;
        if (!enabled) {
            log.info("E-mail notifications are off: no mail server configured (spring.mail.host)");
        } else {
            log.info("E-mail notifications are on");
        }
    }

    boolean enabled() {
        return enabled;
    }

    void schedule(Notification n, Instant due) {
        scheduler.scheduleIfNotExists(SEND.instance(n.key()).build(), due);
    }
}
