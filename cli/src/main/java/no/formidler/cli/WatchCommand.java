package no.formidler.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import no.formidler.client.BrokerProblemException;
import no.formidler.client.BrokerUnreachableException;
import no.formidler.client.CloudEvent;
import no.formidler.client.CursorStore;
import no.formidler.client.EventFeed;
import no.formidler.client.FileTransferOverview;
import no.formidler.client.VerificationFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Follows the resource's event feed and receives every published file into a directory, verified and confirmed,
 * in the order they were published. The feed's cursor is kept per profile and resource, so a restarted watcher
 * goes on with the next file, neither missing nor repeating one.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Receive every file published to you on a resource as it arrives; runs until stopped.")
final class WatchCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Option(names = "--resource", required = true, description = "The resource to watch.")
    String resource;

    @Option(names = "--to", required = true, description = "The directory to receive into.")
    Path dir;

    @Option(names = "--poll-seconds", defaultValue = "2", description = "Wait between looks at the feed when idle (default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Path cursor = session.stateDir().resolve("watch").resolve(resource + ".cursor");
        EventFeed feed = session.client().events(resource, CursorStore.file(cursor)).types(CloudEvent.PUBLISHED);
        Receiving receiving = new Receiving(session);
        String org = session.profile().org();
        session.out().note("Watching " + resource + " for " + org + " into " + dir);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (CloudEvent event : feed) {
                    if (event.subject() == null || event.subject().endsWith(org)) {
                        receive(receiving, event);
                    }
                }
            } catch (BrokerUnreachableException e) {
                session.out().note("The broker is unreachable, trying again: " + e.getMessage());
            } catch (BrokerProblemException e) {
                if (e.status() < 500) {
                    throw e;
                }
                session.out().note("The broker failed, trying again: " + e.getMessage());
            }
            Thread.sleep(pollSeconds * 1000L);
        }
        return ExitCodes.OK;
    }

    private void receive(Receiving receiving, CloudEvent event) {
        try {
            Receiving.Received received = receiving.receive(event.fileTransferId(), dir, true);
            FileTransferOverview transfer = received.transfer();
            // A file already there was received before a restart cut in before its event was stored as handled.
            String verb = received.alreadyThere() ? "confirmed " : "received ";
            session.out().result(verb + transfer.fileTransferId() + " " + received.path(),
                    Map.of("fileTransferId", transfer.fileTransferId(), "path", received.path().toString(),
                            "sha256", String.valueOf(transfer.sha256())));
        } catch (VerificationFailedException e) {
            // Not confirmed, so the sender sees it was not received; the watcher goes on with the next file.
            session.out().error(e.getMessage(), ExitCodes.fields(e));
        } catch (BrokerProblemException e) {
            if (e.status() >= 500) {
                throw e; // not this file's fault: the event is read again on the next round
            }
            session.out().error("not received " + event.fileTransferId() + ": " + e.getMessage(), ExitCodes.fields(e));
        }
    }
}
