package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionTurnsTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    // A thread per task: a turn belongs to the thread that took it, and a pool would hand that thread the next task.
    private final Executor threads = task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    };

    @Test
    void atMostSizeHoldATurnAndAnEndedTurnLetsTheNextIn() throws Exception {
        ConnectionTurns turns = new ConnectionTurns(2);
        ConnectionTurns.Turn first = turnOnAnotherThread(turns);
        turnOnAnotherThread(turns);

        CompletableFuture<ConnectionTurns.Turn> third = CompletableFuture.supplyAsync(() -> take(turns, LONG), threads);
        assertThat(waitFor(third, 300)).as("a third while two hold one").isFalse();

        first.end();
        assertThat(third.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void waitingThreadsAreServedInTheOrderTheyCame() throws Exception {
        ConnectionTurns turns = new ConnectionTurns(1);
        ConnectionTurns.Turn holder = turnOnAnotherThread(turns);
        List<Integer> served = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int number = i;
            waiting.add(CompletableFuture.runAsync(() -> {
                ConnectionTurns.Turn turn = take(turns, LONG);
                served.add(number);
                turn.end();
            }, threads));
            awaitQueueLength(turns, i + 1); // each is in the queue before the next comes
        }

        holder.end();
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(served).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aNewcomerDoesNotTakeATurnAheadOfAThreadThatWaits() throws Exception {
        ConnectionTurns turns = new ConnectionTurns(1);
        ConnectionTurns.Turn holder = turnOnAnotherThread(turns);
        CompletableFuture<ConnectionTurns.Turn> waiter = CompletableFuture.supplyAsync(() -> take(turns, LONG), threads);
        awaitQueueLength(turns, 1);

        holder.end();
        assertThat(turns.take(Duration.ZERO)).as("the newcomer").isEmpty();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aThreadThatHoldsATurnTakesANestedOneAtOnceAndItsEndGivesNothingBack() throws Exception {
        ConnectionTurns turns = new ConnectionTurns(1);
        ConnectionTurns.Turn outer = take(turns, LONG);

        ConnectionTurns.Turn nested = turns.take(Duration.ZERO).orElseThrow();
        nested.end();
        assertThat(turns.take(Duration.ZERO)).as("still nested: the outer turn is held").isPresent();
        assertThat(CompletableFuture.supplyAsync(() -> tryTake(turns), threads).get()).as("another thread").isFalse();

        outer.end();
        assertThat(CompletableFuture.supplyAsync(() -> tryTake(turns), threads).get()).isTrue();
    }

    @Test
    void noTurnWithinTheTimeoutIsEmptyAndEndingATurnTwiceGivesBackOne() throws Exception {
        ConnectionTurns turns = new ConnectionTurns(1);
        ConnectionTurns.Turn held = turnOnAnotherThread(turns);
        assertThat(turns.take(Duration.ofMillis(50))).isEmpty();

        held.end();
        held.end();
        turnOnAnotherThread(turns);
        assertThat(turns.take(Duration.ofMillis(50))).as("one permit came back, not two").isEmpty();
    }

    private ConnectionTurns.Turn turnOnAnotherThread(ConnectionTurns turns) throws Exception {
        return CompletableFuture.supplyAsync(() -> take(turns, LONG), threads).get(5, TimeUnit.SECONDS);
    }

    private static ConnectionTurns.Turn take(ConnectionTurns turns, Duration timeout) {
        try {
            return turns.take(timeout).orElseThrow();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean tryTake(ConnectionTurns turns) {
        try {
            return turns.take(Duration.ZERO).map(turn -> {
                turn.end();
                return true;
            }).orElse(false);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitFor(CompletableFuture<?> future, long millis) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        future.whenComplete((value, failure) -> done.countDown());
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    private static void awaitQueueLength(ConnectionTurns turns, int length) throws InterruptedException {
        for (int i = 0; i < 500 && turns.waiting() < length; i++) {
            Thread.sleep(10);
        }
        assertThat(turns.waiting()).isEqualTo(length);
    }
}
