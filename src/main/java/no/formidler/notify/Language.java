package no.formidler.notify;

import java.util.Locale;
import java.util.Optional;

/** The language of an organisation's mail: Norwegian bokmål (the default) or English. */
enum Language {
    NB, EN;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Language> of(String code) {
        for (Language l : values()) {
            if (l.code().equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
