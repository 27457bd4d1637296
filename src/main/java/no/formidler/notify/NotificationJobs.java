package no.formidler.notify;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification job on the broker's one scheduler (db-scheduler, like the jobs in {@code jobs/}): kept beside the
 * feature it sends for. A failed send is retried with growing pauses, starting at
 * {@code formidler.notifications.first-retry}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

    @Bean
    OneTimeTask<Void> sendNotificationTask(NotificationSender sender, NotificationProperties properties) {
        return Tasks.oneTime(MailDeliveries.SEND)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.firstRetry()))
                .execute((instance, context) -> sender.send(instance.getId()));
    }
}
