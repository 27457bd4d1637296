package no.formidler.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/** Applies {@link PlainText} to every string value and map key of every JSON body, so each refusal is a 400. */
final class TextRulesModule extends SimpleModule {
    TextRulesModule() {
        super("formidler-text-rules");
        addDeserializer(String.class, new CheckedStrings());
        addKeyDeserializer(String.class, new CheckedKeys());
    }

    /** A string the broker refuses; {@link RequestBodyErrors} names the field and the reason. */
    static final class RefusedText extends InvalidFormatException {
        final String reason;

        RefusedText(JsonParser parser, String reason, String value) {
            super(parser, reason, value, String.class);
            this.reason = reason;
        }
    }

    private static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return checked(parser, super.deserialize(parser, context));
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return checked(context.getParser(), key);
        }
    }

    private static String checked(JsonParser parser, String value) {
        if (value != null) {
            PlainText.refusal(value).ifPresent(reason -> {
                throw new RefusedText(parser, reason, value);
            });
        }
        return value;
    }
}
