package nl.familyliaison.signin;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG image: Nayuki's generator makes the code (error correction M, enough for a phone camera on a
 * screen), this class only draws its dark modules as one path, with the four-module quiet zone the standard asks for.
 */
final class QrSvg {

    private static final int BORDER = 4;

    private QrSvg() {
    }

    static String of(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = code.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\""
               + size * 6 + "\" height=\"" + size * 6 + "\" shape-rendering=\"crispEdges\">"
               + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
               + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }
}
