package io.sxs.mapper.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactMatcherTest {

    private static Contact contact(String id, String name, String number, String tax, String email) {
        return Contact.newBuilder().setId(id).setName(name).setNumber(number).setTaxNumber(tax).setEmail(email)
                .setStatus(RecordStatus.ACTIVE).build();
    }

    @Test
    void theFirstKeyThatFindsAnythingDecidesInTheOrderNumberTaxEmailName() {
        Contact source = contact("s1", "Acme Ltd", "C-1", "GB 123 456 789", "Accounts@Acme.test");
        Contact byName = contact("x1", "ACME LTD", null, null, null);
        Contact byEmail = contact("x2", "Acme Trading", null, null, "accounts@acme.test ");
        Contact byTax = contact("x3", "Acme Holdings", null, "GB123456789", null);
        Contact byNumber = contact("x4", "Someone Else", "c-1", null, null);

        assertThat(ContactMatcher.match(source, List.of(byName, byEmail, byTax, byNumber)))
                .isEqualTo(new ContactMatcher.Match(ContactMatcher.Match.Kind.ONE, "number", List.of(byNumber)));
        assertThat(ContactMatcher.match(source, List.of(byName, byEmail, byTax)).candidates()).containsExactly(byTax);
        assertThat(ContactMatcher.match(source, List.of(byName, byEmail)).by()).isEqualTo("e-mail");
        assertThat(ContactMatcher.match(source, List.of(byName)).by()).as("a case-only name difference links").isEqualTo("name");
    }

    @Test
    void severalCandidatesGoToReviewAndNoneCreates() {
        Contact source = contact("s1", "Acme Ltd", null, null, "ap@acme.test");
        Contact a = contact("x1", "Acme North", null, null, "ap@acme.test");
        Contact b = contact("x2", "Acme South", null, null, "AP@acme.test");
        ContactMatcher.Match match = ContactMatcher.match(source, List.of(a, b));
        assertThat(match.kind()).isEqualTo(ContactMatcher.Match.Kind.SEVERAL);
        assertThat(match.candidates()).containsExactly(a, b);
        assertThat(ContactMatcher.match(contact("s2", "Globex", null, null, null), List.of(a, b)).kind())
                .isEqualTo(ContactMatcher.Match.Kind.NONE);
    }

    @Test
    void archivedContactsAreNotCandidates() {
        Contact archived = Contact.newBuilder(contact("x1", "Acme Ltd", null, null, null)).setStatus(RecordStatus.ARCHIVED).build();
        assertThat(ContactMatcher.match(contact("s1", "acme ltd", null, null, null), List.of(archived)).kind())
                .isEqualTo(ContactMatcher.Match.Kind.NONE);
    }
}
