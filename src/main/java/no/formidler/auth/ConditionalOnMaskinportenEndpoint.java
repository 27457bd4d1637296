package no.formidler.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Present while the Maskinporten-compatible endpoint is on: {@code formidler.maskinporten.enabled}, by default in standalone mode. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${formidler.maskinporten.enabled:}' == 'true' or ('${formidler.maskinporten.enabled:}' == ''"
        + " and '${formidler.mode:standalone}'.equalsIgnoreCase('standalone'))")
@interface ConditionalOnMaskinportenEndpoint {
}
