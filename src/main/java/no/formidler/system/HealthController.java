package no.formidler.system;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** E19 (docs/compatibility.md §1): 200 once the database answers and is migrated; no token needed. */
@RestController
class HealthController {
    private final JdbcClient jdbc;

    HealthController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/health", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> health() {
        try {
            jdbc.sql("select count(*) from service_owner").query(Long.class).single();
            return ResponseEntity.ok("Environment properly configured");
        } catch (DataAccessException e) {
            return ResponseEntity.status(503).body("Unable to query database. Is the database reachable and migrated?");
        }
    }
}
