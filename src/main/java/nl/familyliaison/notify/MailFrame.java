package nl.familyliaison.notify;

import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.Texts;

/**
 * What every mail says around its own text, so a person can trust it: who sends it at the top (after a hint in the
 * hint languages when the mail is in another), and at the bottom how to check it is real without clicking.
 */
record MailFrame(Texts texts, List<Texts> hints, String serviceUrl) {

    String text(String body) {
        StringBuilder out = new StringBuilder();
        hints.forEach(hint -> out.append(hint(hint)).append('\n'));
        if (!hints.isEmpty()) {
            out.append('\n');
        }
        out.append(texts.get("mail.from")).append("\n\n").append(body.strip()).append("\n\n-- \n")
                .append(check()).append('\n');
        return out.toString();
    }

    String html(String body) {
        StringBuilder top = new StringBuilder();
        hints.forEach(hint -> top.append("<p lang=\"").append(hint.language().code()).append("\" dir=\"")
                .append(hint.direction()).append("\" style=\"font-size: 14px; color: #4a4a4a;\">")
                .append(escape(hint(hint))).append("</p>\n"));
        top.append("<p style=\"font-weight: bold;\">").append(escape(texts.get("mail.from"))).append("</p>\n");
        String bottom = "<hr>\n<p style=\"font-size: 14px; color: #4a4a4a;\">" + escape(check()) + "</p>\n";
        int bodyStart = body.indexOf('>', Math.max(0, body.indexOf("<body"))) + 1;
        int bodyEnd = body.lastIndexOf("</body>");
        if (body.indexOf("<body") < 0 || bodyEnd < 0) {
            return top + body + bottom;
        }
        return body.substring(0, bodyStart) + "\n" + top + body.substring(bodyStart, bodyEnd) + bottom
               + body.substring(bodyEnd);
    }

    private String check() {
        return texts.format("mail.check", Map.of("serviceUrl", serviceUrl));
    }

    private String hint(Texts hint) {
        return hint.format("mail.languageHint", Map.of("serviceUrl", serviceUrl));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
