package io.gantry.core.registry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code WWW-Authenticate} header (RFC 7235 / RFC 6750): a scheme and its comma-separated auth-params.
 *
 * @param scheme lower-case scheme, {@code bearer} or {@code basic}
 * @param params auth-params such as {@code realm}, {@code service}, {@code scope}
 */
record Challenge(String scheme, Map<String, String> params) {

    Challenge {
        params = Map.copyOf(params);
    }

    static Challenge parse(String header) {
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        int i = space < 0 ? trimmed.length() : space + 1;
        while (i < trimmed.length()) {
            while (i < trimmed.length() && (trimmed.charAt(i) == ',' || trimmed.charAt(i) == ' ')) {
                i++;
            }
            int equals = trimmed.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = trimmed.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = equals + 1;
            if (i < trimmed.length() && trimmed.charAt(i) == '"') {
                for (i++; i < trimmed.length() && trimmed.charAt(i) != '"'; i++) {
                    if (trimmed.charAt(i) == '\\' && i + 1 < trimmed.length()) {
                        i++;
                    }
                    value.append(trimmed.charAt(i));
                }
                i++;
            } else {
                for (; i < trimmed.length() && trimmed.charAt(i) != ','; i++) {
                    value.append(trimmed.charAt(i));
                }
            }
            params.put(key, value.toString().trim());
        }
        return new Challenge(scheme, params);
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }
}
