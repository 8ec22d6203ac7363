package nl.familyliaison.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The primary language tags of an Accept-Language header, best first; refused (q=0) and malformed parts left out. */
final class AcceptLanguage {

    private AcceptLanguage() {
    }

    static List<String> preferred(String header) {
        return Stream.of(header.split(","))
                .map(String::trim)
                .map(Weighted::parse)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(Weighted::weight).reversed())
                .map(Weighted::primary)
                .toList();
    }

    private record Weighted(String primary, double weight) {
        static Optional<Weighted> parse(String part) {
            String[] pieces = part.split(";");
            String primary = pieces[0].trim().split("-")[0].toLowerCase(Locale.ROOT);
            double weight = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String piece = pieces[i].trim();
                if (piece.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(piece.substring(2));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            return weight > 0 ? Optional.of(new Weighted(primary, weight)) : Optional.empty();
        }
    }
}
