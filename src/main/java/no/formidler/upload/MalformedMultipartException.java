package no.formidler.upload;

import java.io.IOException;

/**
 * A multipart body that breaks the rules {@link MultipartReader} holds it to. The message is for the client: it says
 * what was wrong in the API's words and quotes nothing but header and part names.
 */
final class MalformedMultipartException extends IOException {
    MalformedMultipartException(String message) {
        super(message);
    }
}
