package no.formidler.storage;

import no.formidler.testsupport.Azurite;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** The contract on Azurite, started on 127.0.0.1 for this class. */
class AzureBlobStoreTest extends PartedBlobStoreContract {
    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    @Override
    BlobStore newStore(int partSize) {
        var properties = new StorageProperties.Azure(AZURITE.connectionString(), null, "formidler-test",
                DataSize.ofBytes(partSize), false);
        return new AzureBlobStore(StorageConfiguration.azureClient(properties), "formidler-test", false, partSize);
    }
}
