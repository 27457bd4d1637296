package no.formidler.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Present while the development issuer is on: {@code formidler.dev-tokens.enabled}, by default on in standalone mode. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${formidler.dev-tokens.enabled:}' == 'true' or ('${formidler.dev-tokens.enabled:}' == ''"
        + " and '${formidler.mode:standalone}'.equalsIgnoreCase('standalone'))")
@interface ConditionalOnDevTokens {
}
