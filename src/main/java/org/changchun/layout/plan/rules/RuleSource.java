package org.changchun.layout.plan.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a rule comes from: the sentence of the plan it reads (the seed article, quoted verbatim)
 * or the document a control line is governed by.
 *
 * @param quoteZh the text quoted, word for word; null when the document is named but not quoted
 * @param quoteEn an English rendering of the quote
 */
public record RuleSource(
        String id,
        String documentZh,
        String documentEn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String quoteZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String quoteEn) {
}
