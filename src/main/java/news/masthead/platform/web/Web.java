package news.masthead.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every feature's routes need from the web platform: templates, CSRF tokens, the JSON mapper,
 * error pages, static asset URLs. Built once by {@code app}.
 */
public record Web(Templates templates, Csrf csrf, ObjectMapper json, ErrorPages errors, Assets assets) {
}
