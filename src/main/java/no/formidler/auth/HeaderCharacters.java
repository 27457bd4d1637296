package no.formidler.auth;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The header names and values Spring Security's {@link StrictHttpFirewall} lets through, checked by a loop instead of
 * its regular expressions: the firewall checks a header each time it is read, and the kilobyte-long
 * {@code Authorization} header of every call, read several times, made those the largest single cost of a small
 * call's filters. The rules are the firewall's own: every character assigned in Unicode and none a control character
 * ({@code Cc}), except that a value may hold tabs.
 */
final class HeaderCharacters {
    private HeaderCharacters() {
    }

    /** The firewall of every request, with these checks. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return firewall;
    }

    static boolean isAllowedName(String name) {
        return allAllowed(name, false);
    }

    static boolean isAllowedValue(String value) {
        return allAllowed(value, true);
    }

    private static boolean allAllowed(String text, boolean tabs) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, not control
                i++;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabs && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
