package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferStatusTest {

    @Test
    void aFileCanBeUploadedOnlyBeforeAnUploadCompletedOrFailed() {
        assertThat(TransferStatus.Initialized.acceptsUpload()).isTrue();
        assertThat(TransferStatus.UploadStarted.acceptsUpload()).isTrue();
        for (TransferStatus later : new TransferStatus[]{TransferStatus.UploadProcessing, TransferStatus.Published,
                TransferStatus.AllConfirmedDownloaded, TransferStatus.Purged, TransferStatus.Failed}) {
            assertThat(later.acceptsUpload()).as(later.name()).isFalse();
        }
    }

    @Test
    void publishingHappensOnlyFromAnUpload() {
        assertThat(TransferStatus.Published.reachableFrom())
                .containsExactlyInAnyOrder(TransferStatus.UploadStarted, TransferStatus.UploadProcessing);
        assertThat(TransferStatus.AllConfirmedDownloaded.reachableFrom()).containsExactly(TransferStatus.Published);
    }

    @Test
    void aTransferCanBeCancelledOnlyBeforeItIsFinal() {
        assertThat(TransferStatus.Cancelled.reachableFrom()).containsExactlyInAnyOrder(TransferStatus.Initialized,
                TransferStatus.UploadStarted, TransferStatus.UploadProcessing, TransferStatus.Published);
        assertThat(TransferStatus.Purged.reachableFrom()).doesNotContain(TransferStatus.Cancelled);
        assertThat(TransferStatus.Cancelled.downloadable()).isFalse();
        assertThat(TransferStatus.Cancelled.acceptsUpload()).isFalse();
    }

    @Test
    void nothingLeavesPurged() {
        for (TransferStatus target : TransferStatus.values()) {
            assertThat(target.reachableFrom()).as(target.name()).doesNotContain(TransferStatus.Purged);
        }
    }

    @Test
    void onlyPublishedFilesCanBeDownloaded() {
        assertThat(TransferStatus.Published.downloadable()).isTrue();
        assertThat(TransferStatus.AllConfirmedDownloaded.downloadable()).isTrue();
        assertThat(TransferStatus.Purged.downloadable()).isFalse();
        assertThat(TransferStatus.UploadProcessing.downloadable()).isFalse();
    }

    @Test
    void idsAndTextsAreTheReferences() {
        assertThat(TransferStatus.ofId(5)).isEqualTo(TransferStatus.AllConfirmedDownloaded);
        assertThat(TransferStatus.Purged.defaultText()).isEqualTo("FileTransfer has been purged");
        assertThat(RecipientStatus.DownloadStarted.text()).isEqualTo("Recipient has attempted to download fileTransfer");
    }
}
