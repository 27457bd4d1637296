package no.formidler.upload;

import static no.formidler.testsupport.ClientInput.parsedOrRefused;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import no.formidler.transfer.InitializeRequestRules;

/**
 * Any multipart field names and values of initialize-and-upload, bound and checked by the rules: a request, or a 400,
 * never another exception.
 */
class MultipartFieldsFuzzTest {

    @DictionaryEntries({"Metadata.", "FileName", "ResourceId", "Sender", "Recipients[", "]", "PropertyList[", "PropertyList.",
            "Checksum", "DisableVirusScan", "SendersFileTransferReference", "true", "0192:991825827"})
    @FuzzTest(maxDuration = "5s")
    void anyFieldsAreARequestOrA400(FuzzedDataProvider data) throws Exception {
        parsedOrRefused("", () -> {
            MultipartFields fields = new MultipartFields();
            while (data.remainingBytes() > 0) {
                fields.add(data.consumeString(60), data.consumeString(200));
            }
            InitializeRequestRules.check(fields.request(), 2000);
        });
    }
}
