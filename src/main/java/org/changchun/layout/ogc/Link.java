package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link as OGC API documents carry them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title) {
}
