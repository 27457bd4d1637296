package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import no.formidler.storage.azure.AzureBlobStore;
import no.formidler.testsupport.Azurite;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** The contract on Azurite, started on 127.0.0.1 for this class. */
class AzureBlobStoreTest extends PartedBlobStoreContract {
    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    @Test
    void aStoreThatDoesNotAnswerIsReportedAsUnavailableNotAsMissing() {
        String nobody = AZURITE.connectionString().replace(":" + AZURITE.port() + "/", ":" + BrokerProcess.freePort() + "/");
        AzureBlobStore store = new AzureBlobStore(StorageConfiguration.azureClient(
                new StorageProperties.Azure(nobody, null, "formidler-test", DataSize.ofMegabytes(1), false)),
                "formidler-test", false, MIB);
        assertThatThrownBy(store::checkReachable).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> store.write("991825827/a/b", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> store.read("991825827/a/b", 0, 1)).isInstanceOf(StorageUnavailableException.class);
    }

    @Override
    BlobStore newStore(int partSize) {
        var properties = new StorageProperties.Azure(AZURITE.connectionString(), null, "formidler-test",
                DataSize.ofBytes(partSize), false);
        return new AzureBlobStore(StorageConfiguration.azureClient(properties), "formidler-test", false, partSize);
    }
}
