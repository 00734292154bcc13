package org.changchun.layout.plan;

import java.util.List;

/**
 * A district that supports a city, with its role and every reason it counts.
 *
 * @param role  the role the plan states when it names the district ("lead" or "support"); for a
 *              district only a member zone overlaps, "support": a derived link never leads
 * @param basis "plan" when the plan names the district, "derived" when only a schematic member
 *              zone overlaps it (see {@link LinkBasis})
 */
public record DistrictSupport(String adcode, String nameZh, String nameEn, String role, String basis,
                              List<SupportReason> via) {

    public boolean isStated() {
        return basis.equals(LinkBasis.PLAN.code());
    }
}
