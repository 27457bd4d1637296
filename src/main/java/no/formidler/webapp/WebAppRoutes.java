package no.formidler.webapp;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web app's pages: each is the same index.html (the app routes in the browser), so a bookmarked or reloaded
 * address works. Its built assets are served from the jar's static resources under /assets/.
 */
@Controller
class WebAppRoutes {
    /** The pages and assets; SecurityConfiguration lets the same paths through without a token. */
    static boolean isAppPath(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/assets/")
                || path.equals("/signin") || path.equals("/send") || path.equals("/inbox") || path.equals("/sent")
                || path.equals("/notifications") || path.startsWith("/transfer/") || path.equals("/admin") || path.startsWith("/admin/");
    }

    @GetMapping({"/signin", "/send", "/inbox", "/sent", "/notifications", "/transfer/{id}", "/admin", "/admin/{page}"})
    String page() {
        return "forward:/index.html";
    }
}
