package no.formidler.altinn;

import java.util.Optional;

/** The bearer token the broker presents to Altinn Events (its Maskinporten client exchanged to an Altinn token). */
interface PlatformAccessToken {
    Optional<String> current();
}
