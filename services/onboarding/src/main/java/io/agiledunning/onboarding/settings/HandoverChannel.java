package io.agiledunning.onboarding.settings;

/** How cases reach the tenant's collection agency when dunning ends without payment. */
public enum HandoverChannel {
    /** The tenant downloads the handover file and sends it itself. */
    DOWNLOAD,
    /** The platform drops the file into a folder the agency collects from. */
    DROP_FOLDER,
    /** The platform posts each handover to the agency's HTTPS endpoint. */
    WEBHOOK
}
