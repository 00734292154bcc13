package org.changchun.layout.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a write did, in words, for its row of the audit trail (e.g. which figures it wrote, or that
 * it was a dry run): a controller says it here, {@link AuditFilter} records it with the request.
 */
public final class AuditDetail {

    /** The audit trail keeps this much of a detail (its column's size). */
    static final int MAX_LENGTH = 4000;

    private static final String ATTRIBUTE = AuditDetail.class.getName();

    private AuditDetail() {
    }

    public static void describe(HttpServletRequest request, String detail) {
        request.setAttribute(ATTRIBUTE, detail);
    }

    static String of(HttpServletRequest request) {
        Object detail = request.getAttribute(ATTRIBUTE);
        if (detail == null) {
            return null;
        }
        String text = detail.toString();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
