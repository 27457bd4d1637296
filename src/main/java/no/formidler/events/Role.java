package no.formidler.events;

/** In which role the subject of an event takes part in the transfer. */
public enum Role { Sender, Recipient }
