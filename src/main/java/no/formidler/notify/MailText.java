package no.formidler.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of a notification mail, in bokmål or English, as plain text and as HTML. Assembled by hand, never by a
 * template engine: every value from a user (file name, reference, sender) has its control characters replaced and is
 * capped in length, and HTML-escaped in the HTML part, so {@code {{7*7}}}, {@code ${jndi:…}} or {@code <img onerror>}
 * arrive as the characters they are. The subject holds no user value but the capped, cleaned file name.
 */
final class MailText {
    static final int MAX_VALUE = 200;
    static final int MAX_SUBJECT_VALUE = 80;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.of("Europe/Oslo"));

    record Mail(String subject, String text, String html) {
    }

    private MailText() {
    }

    static Mail of(Notification n, Language language, String link) {
        boolean nb = language == Language.NB;
        String subject = switch (n.kind()) {
            case PUBLISHED -> nb ? "Ny fil til dere: " : "A file for you: ";
            case REMINDER -> nb ? "Påminnelse, filen er ikke lastet ned: " : "Reminder, the file has not been downloaded: ";
            case ALL_CONFIRMED -> nb ? "Alle mottakere har lastet ned: " : "Every recipient has downloaded: ";
        } + clean(n.fileName(), MAX_SUBJECT_VALUE);
        String lead = switch (n.kind()) {
            case PUBLISHED -> nb ? "Dere har fått en fil i Formidler." : "You have received a file in Formidler.";
            case REMINDER -> nb ? "En fil til dere er ennå ikke bekreftet lastet ned, og slettes snart."
                    : "A file for you has not yet been confirmed downloaded, and will soon be deleted.";
            case ALL_CONFIRMED -> nb ? "Alle mottakerne har bekreftet at de har lastet ned filen dere sendte."
                    : "Every recipient has confirmed downloading the file you sent.";
        };
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{nb ? "Avsender" : "Sender", clean(n.sender(), MAX_VALUE)});
        rows.add(new String[]{nb ? "Fil" : "File", clean(n.fileName(), MAX_VALUE)});
        rows.add(new String[]{nb ? "Størrelse" : "Size", size(n.fileSize(), nb)});
        n.sendersReference().ifPresent(r -> rows.add(new String[]{nb ? "Avsenders referanse" : "Sender's reference",
                clean(r, MAX_VALUE)}));
        rows.add(new String[]{nb ? "Tilgjengelig til" : "Available until", WHEN.format(n.expires())});
        return new Mail(subject, text(lead, rows, link, nb), html(lead, rows, link, nb));
    }

    private static String text(String lead, List<String[]> rows, String link, boolean nb) {
        StringBuilder text = new StringBuilder(lead).append("\n\n");
        rows.forEach(r -> text.append(r[0]).append(": ").append(r[1]).append('\n'));
        return text.append('\n').append(nb ? "Se overføringen: " : "See the transfer: ").append(link).append('\n').toString();
    }

    private static String html(String lead, List<String[]> rows, String link, boolean nb) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(nb ? "nb" : "en")
                .append("\"><body><p>").append(escape(lead)).append("</p><table>");
        rows.forEach(r -> html.append("<tr><th align=\"left\">").append(escape(r[0])).append("</th><td>")
                .append(escape(r[1])).append("</td></tr>"));
        return html.append("</table><p><a href=\"").append(escape(link)).append("\">")
                .append(escape(nb ? "Se overføringen" : "See the transfer")).append("</a></p></body></html>").toString();
    }

    /** Control characters (CR and LF among them) become spaces; longer values end in an ellipsis. */
    static String clean(String value, int max) {
        String cleaned = value.replaceAll("\\p{Cntrl}", " ");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max - 1) + "…";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String size(long bytes, boolean nb) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(nb ? Locale.forLanguageTag("nb-NO") : Locale.ENGLISH, "%.1f %s", value, units[unit]);
    }
}
