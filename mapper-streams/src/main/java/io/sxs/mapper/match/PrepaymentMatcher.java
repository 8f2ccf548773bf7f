package io.sxs.mapper.match;

import io.sxs.schemas.entity.Prepayment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the Scoro prepayment invoice a Xero prepayment pays (SPEC section 2, "Prepayments"; pure). First by number:
 * the prepayment's Reference is the prepayment invoice's number (what a Xero user types when recording it). Failing
 * that, by the client and the money: the same (mapped) contact, currency and total. The first rule that finds anything
 * decides: one candidate links, several or none go to the error list with the candidates named, never guessed. The
 * candidates are the Scoro prepayment invoices the pipeline has read that are not deleted and not linked yet.
 */
public final class PrepaymentMatcher {

    /** What matching decided; {@code by} names the rule, {@code candidates} what it found (or, for none, could have). */
    public record Match(ContactMatcher.Match.Kind kind, String by, List<Prepayment> candidates) {
    }

    private PrepaymentMatcher() {
    }

    /** @param scoroContact the Xero prepayment's contact as a Scoro id (null when it is not mapped) */
    public static Match match(Prepayment xero, String scoroContact, List<Prepayment> candidates) {
        String number = ContactMatcher.normalise(xero.getReference());
        if (number != null) {
            List<Prepayment> found = candidates.stream().filter(c -> number.equals(ContactMatcher.normalise(c.getReference())))
                    .toList();
            if (!found.isEmpty()) {
                return decided("number", found);
            }
        }
        if (scoroContact != null && xero.getTotal() != null) {
            List<Prepayment> found = new ArrayList<>();
            for (Prepayment c : candidates) {
                if (scoroContact.equals(c.getContactRef()) && Objects.equals(upper(xero.getCurrency()), upper(c.getCurrency()))
                        && c.getTotal() != null && c.getTotal().compareTo(xero.getTotal()) == 0) {
                    found.add(c);
                }
            }
            if (!found.isEmpty()) {
                return decided("client, currency and total", found);
            }
        }
        return new Match(ContactMatcher.Match.Kind.NONE, null, List.of());
    }

    private static Match decided(String by, List<Prepayment> found) {
        return new Match(found.size() == 1 ? ContactMatcher.Match.Kind.ONE : ContactMatcher.Match.Kind.SEVERAL, by, found);
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }
}
