package org.changchun.layout.compliance;

/**
 * What a site declares: the city it serves (a city id, checked) and its industry (one of the six
 * new industries, checked), each null when it declares none or, in a batch, one that is not known.
 *
 * @param cityGiven     the city as the source wrote it, when it could not be recognised
 * @param industryGiven the industry as the source wrote it, when it could not be recognised
 */
record Declaration(String city, String industry, String cityGiven, String industryGiven) {

    static Declaration of(String city, String industry) {
        return new Declaration(city, industry, null, null);
    }
}
