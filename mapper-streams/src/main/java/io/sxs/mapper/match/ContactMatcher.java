package io.sxs.mapper.match;

import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the contact a new one already is in the other system, before the pipeline creates it (SPEC section 2): by
 * number (Xero ContactNumber, Scoro reference), then tax number, then normalised e-mail, then normalised name (Xero
 * names are unique among active contacts, case-insensitively). The first key that matches anything decides: one
 * candidate links, several go to review, none creates. Pure: the candidates are the other system's active contacts
 * the pipeline has read and not yet linked.
 */
public final class ContactMatcher {

    /** What matching decided; {@code by} names the key, {@code candidates} the other system's contacts it found. */
    public record Match(Kind kind, String by, List<Contact> candidates) {

        public enum Kind { NONE, ONE, SEVERAL }

        static final Match NONE = new Match(Kind.NONE, null, List.of());
    }

    private record Key(String name, Function<Contact, String> value) {
    }

    private static final List<Key> KEYS = List.of(
            new Key("number", c -> normalise(c.getNumber())),
            new Key("tax number", c -> c.getTaxNumber() == null ? null : c.getTaxNumber().replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT)),
            new Key("e-mail", c -> normalise(c.getEmail())),
            new Key("name", c -> normalise(c.getName())));

    private ContactMatcher() {
    }

    public static Match match(Contact source, List<Contact> candidates) {
        List<Contact> active = candidates.stream().filter(c -> c.getStatus() == RecordStatus.ACTIVE).toList();
        for (Key key : KEYS) {
            String wanted = key.value().apply(source);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            List<Contact> found = new ArrayList<>();
            for (Contact c : active) {
                if (wanted.equals(key.value().apply(c))) {
                    found.add(c);
                }
            }
            if (found.size() == 1) {
                return new Match(Match.Kind.ONE, key.name(), found);
            }
            if (found.size() > 1) {
                return new Match(Match.Kind.SEVERAL, key.name(), found);
            }
        }
        return Match.NONE;
    }

    /** The keys a contact can be found by, as {@code "key:value"} (for an index of candidates). */
    public static List<String> keysOf(Contact c) {
        List<String> out = new ArrayList<>(KEYS.size());
        for (Key key : KEYS) {
            String v = key.value().apply(c);
            if (v != null && !v.isEmpty()) {
                out.add(key.name() + ":" + v);
            }
        }
        return out;
    }

    /** Trimmed, inner whitespace collapsed, lower case; null for blank. */
    static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String n = s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
