package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import no.formidler.storage.BlobStore;
import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The delete comes after the change's own commit, never inside a caller's transaction that could still roll back. */
class AfterCommitDeleteTest extends ApiTest {
    @Autowired
    AfterCommitDelete afterCommit;
    @Autowired
    BlobStore store;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCallerHoldingATransactionIsRefusedAndTheFileStays() throws Exception {
        String key = "after-commit-delete-test/held";
        store.write(key, new ByteArrayInputStream("kept".getBytes()));
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(outer ->
                afterCommit.change("a test", status -> new AfterCommitDelete.Changed<>("done", Optional.of(key)))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.exists(key)).as("not deleted before the caller's commit").isTrue();
    }

    @Test
    void withoutATransactionTheChangeCommitsAndTheFileGoes() throws Exception {
        String key = "after-commit-delete-test/free";
        store.write(key, new ByteArrayInputStream("gone".getBytes()));
        String result = afterCommit.change("a test", status -> new AfterCommitDelete.Changed<>("done", Optional.of(key)));
        assertThat(result).isEqualTo("done");
        assertThat(store.exists(key)).isFalse();
    }
}
