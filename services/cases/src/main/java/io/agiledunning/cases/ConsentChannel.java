package io.agiledunning.cases;

/**
 * What a debtor can consent to be contacted by: the dunning engine's channels and phone calls (which the platform does
 * not make, but a tenant's agents may, and which need the consumer's prior consent under UWG § 7(2) no. 1 when they
 * advertise).
 */
public enum ConsentChannel {
    EMAIL, SMS, LETTER, PHONE
}
