package news.masthead.platform.cache;

/** Reading {@code Accept-Encoding} and {@code If-None-Match} without regular expressions or garbage. */
final class Encodings {
    private Encodings() {
    }

    /** Whether the client accepts gzip: {@code gzip}, {@code x-gzip} or {@code *}, with a q above zero. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        int start = 0;
        int length = acceptEncoding.length();
        boolean star = false;
        while (start < length) {
            int comma = acceptEncoding.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int semicolon = acceptEncoding.indexOf(';', start);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int from = skipSpaces(acceptEncoding, start, nameEnd);
            int to = trimEnd(acceptEncoding, from, nameEnd);
            boolean allowed = nameEnd == end || qAboveZero(acceptEncoding, nameEnd + 1, end);
            if (named(acceptEncoding, from, to, "gzip") || named(acceptEncoding, from, to, "x-gzip")) {
                return allowed;
            }
            if (named(acceptEncoding, from, to, "*")) {
                star = allowed;
            }
            start = end + 1;
        }
        return star;
    }

    private static boolean qAboveZero(String s, int from, int to) {
        int q = s.indexOf("q=", from);
        if (q < 0 || q >= to) {
            q = s.indexOf("Q=", from);
            if (q < 0 || q >= to) {
                return true;
            }
        }
        for (int i = q + 2; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return true;
            }
            if (c != '0' && c != '.') {
                break;
            }
        }
        return false;
    }

    /** Whether an {@code If-None-Match} list names one of the tags (weak comparison, as RFC 9110 asks). */
    static boolean matchesAny(String ifNoneMatch, String etag, String otherEtag) {
        int length = ifNoneMatch.length();
        int start = 0;
        while (start < length) {
            int comma = ifNoneMatch.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = skipSpaces(ifNoneMatch, start, end);
            int to = trimEnd(ifNoneMatch, from, end);
            if (ifNoneMatch.startsWith("W/", from)) {
                from += 2;
            }
            if (named(ifNoneMatch, from, to, "*") || same(ifNoneMatch, from, to, etag) || same(ifNoneMatch, from, to, otherEtag)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static int skipSpaces(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }

    private static boolean named(String s, int from, int to, String name) {
        return to - from == name.length() && s.regionMatches(true, from, name, 0, name.length());
    }

    private static boolean same(String s, int from, int to, String tag) {
        return to - from == tag.length() && s.regionMatches(false, from, tag, 0, tag.length());
    }
}
