package io.agiledunning.cases.dunning.segment;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Assigns a case to the first matching segment (lowest priority number first, then key). Control-group
 * membership is a stable function of case and segment (a hash bucket), so re-deciding never moves a case in
 * or out of the control group, and shares hold over many cases.
 */
public final class Segmentation {

    private static final long BUCKETS = 10_000;

    private Segmentation() {
    }

    public static Assignment assign(List<Segment> segments, SegmentFacts facts) {
        return segments.stream()
                .sorted(Comparator.comparingInt(Segment::priority).thenComparing(Segment::key))
                .filter(segment -> segment.rule().matches(facts))
                .findFirst()
                .map(segment -> {
                    boolean control = inControlGroup(facts.caseId(), segment.key(), segment.controlShare());
                    return control
                            ? new Assignment(segment.key(), segment.controlStrategyKey(), true,
                            "segment '%s', control group (%s of cases)".formatted(segment.key(), segment.controlShare()))
                            : new Assignment(segment.key(), segment.strategyKey(), false, "segment '%s'".formatted(segment.key()));
                })
                .orElse(new Assignment(null, null, false, "no segment matched: default strategy"));
    }

    static boolean inControlGroup(UUID caseId, String segmentKey, BigDecimal share) {
        if (share.signum() == 0) {
            return false;
        }
        long bucket = Math.floorMod(hash(caseId + "/" + segmentKey), BUCKETS);
        return BigDecimal.valueOf(bucket).compareTo(share.multiply(BigDecimal.valueOf(BUCKETS))) < 0;
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
