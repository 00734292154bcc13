package org.changchun.layout.plan;

import java.util.List;

/**
 * A district that supports a city, with its strongest role and every reason it counts.
 *
 * @param role "lead" if any reason is a lead role, else "support"
 */
public record DistrictSupport(String adcode, String nameZh, String nameEn, String role, List<SupportReason> via) {
}
