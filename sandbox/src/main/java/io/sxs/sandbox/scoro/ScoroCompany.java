package io.sxs.sandbox.scoro;

/** A Scoro business entity: send both values in every request body ("company_account_id", "apiKey"). */
public record ScoroCompany(String companyAccountId, String apiKey, String name) implements java.io.Serializable {
}
