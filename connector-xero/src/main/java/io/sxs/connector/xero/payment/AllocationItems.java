package io.sxs.connector.xero.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.hash.ContentHasher;
import java.util.ArrayList;
import java.util.List;

/**
 * The payments a credit row's allocations make, as items read alongside the row (same call, same version): the
 * stand-in bank account they go through first, so that the mapper has it when the first one needs it created in
 * Scoro, then one {@code PAYMENT} per allocation. Allocations that do not map are one invalid item naming the row.
 */
public final class AllocationItems {

    private AllocationItems() {
    }

    public static List<ReadItem> of(JsonNode row, ReadItem credit, XeroPaymentMapper.Credit kind) {
        List<Payment> allocations;
        try {
            allocations = XeroPaymentMapper.allocations(row, kind);
        } catch (MappingException e) {
            return List.of(ReadItem.invalid(EntityType.PAYMENT, credit.sourceId() + "/allocations", credit.sourceVersion(),
                    credit.modifiedAt(), e.getMessage()));
        }
        if (allocations.isEmpty()) {
            return List.of();
        }
        List<ReadItem> items = new ArrayList<>(allocations.size() + 1);
        items.add(standInAccount(kind, credit));
        for (Payment p : allocations) {
            items.add(ReadItem.upsert(EntityType.PAYMENT, p.getId(), credit.sourceVersion(), credit.modifiedAt(), p));
        }
        return items;
    }

    /** The stand-in bank account of {@code kind}, read with {@code row} (its version is its content). */
    static ReadItem standInAccount(XeroPaymentMapper.Credit kind, ReadItem row) {
        BankAccount account = kind.account();
        return ReadItem.upsert(EntityType.BANK_ACCOUNT, account.getId(), ContentHasher.hash(account), row.modifiedAt(), account);
    }
}
