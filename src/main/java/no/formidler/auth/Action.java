package no.formidler.auth;

/** What a party may do on a resource: send (write), receive (read) or subscribe to events. */
public enum Action {
    READ, WRITE, SUBSCRIBE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Action> fromWireName(String name) {
        for (Action a : values()) {
            if (a.wireName().equals(name)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
