package no.formidler.notify;

/**
 * Sends a short text message to a phone number. No provider is built in yet: while no bean implements this, phone
 * numbers are kept in the settings but nothing is sent to them.
 */
public interface TextMessages {

    void send(String phoneNumber, String text);
}
