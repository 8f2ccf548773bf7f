package io.sxs.connector.xero.mapping;

import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.LineAmountType;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A document's totals as Xero will compute them from the lines it is sent (API notes, "Precision"): each line's
 * amount is quantity x unit amount less its discount, rounded to cents; its tax is the line amount at the line's
 * rate, rounded per line; the totals are the sums ({@code Inclusive}: the tax is the part of the line amount,
 * {@code NoTax}: none). Pure, so that a document whose source totals would differ in Xero is blocked before it is
 * written, with the difference named, instead of becoming a Xero document of another total.
 */
public final class XeroTotals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record Totals(BigDecimal subTotal, BigDecimal totalTax, BigDecimal total) {
    }

    private XeroTotals() {
    }

    public static Totals of(List<DocumentLine> lines, LineAmountType type) {
        BigDecimal sub = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (DocumentLine line : lines) {
            BigDecimal amount = lineAmount(line);
            BigDecimal lineTax = lineTax(line, amount, type);
            sub = sub.add(type == LineAmountType.INCLUSIVE ? amount.subtract(lineTax) : amount);
            tax = tax.add(lineTax);
        }
        return new Totals(sub, tax, sub.add(tax));
    }

    /** Quantity x unit amount less the discount rate, rounded half away from zero to cents (as Xero rounds). */
    public static BigDecimal lineAmount(DocumentLine line) {
        BigDecimal gross = line.getQuantity().multiply(line.getUnitAmount());
        BigDecimal discount = line.getDiscountRate();
        if (discount != null && discount.signum() != 0) {
            gross = gross.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
        }
        return Decimals.roundMoney(gross);
    }

    private static BigDecimal lineTax(DocumentLine line, BigDecimal amount, LineAmountType type) {
        if (type == LineAmountType.NO_TAX) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rate = line.getTaxRate();
        if (rate == null) {
            // No rate known: Xero takes the tax the line states, or none.
            return line.getTaxAmount() == null ? BigDecimal.ZERO.setScale(2) : line.getTaxAmount();
        }
        if (type == LineAmountType.INCLUSIVE) {
            return Decimals.roundMoney(amount.multiply(rate).divide(HUNDRED.add(rate), MathContext.DECIMAL64));
        }
        return Decimals.roundMoney(amount.multiply(rate).divide(HUNDRED));
    }

    /**
     * Throws {@link BlockedException} naming every total (and line) that would differ in Xero from the source's.
     *
     * @param what  the document, as the message names it (e.g. {@code invoice INV-12})
     * @param totals the source's subtotal, tax and total (null ones are not compared)
     */
    public static void check(String what, List<DocumentLine> lines, LineAmountType type, Totals totals, String source)
            throws BlockedException {
        List<String> differences = new ArrayList<>();
        int n = 0;
        for (DocumentLine line : lines) {
            n++;
            BigDecimal amount = lineAmount(line);
            if (line.getLineAmount() != null && amount.compareTo(line.getLineAmount()) != 0) {
                differences.add("line " + n + " amount " + amount.toPlainString() + " in Xero, " + line.getLineAmount()
                        .toPlainString() + " in " + source);
            }
        }
        Totals xero = of(lines, type);
        compare(differences, "subtotal", xero.subTotal(), totals.subTotal(), source);
        compare(differences, "tax", xero.totalTax(), totals.totalTax(), source);
        compare(differences, "total", xero.total(), totals.total(), source);
        if (!differences.isEmpty()) {
            throw new BlockedException(what + " is not written: Xero would compute other amounts than " + source + " ("
                    + String.join("; ", differences) + "); fix the document so that its lines add up, or round its"
                    + " lines as Xero does");
        }
    }

    private static void compare(List<String> out, String name, BigDecimal xero, BigDecimal source, String sourceName) {
        if (source != null && xero.compareTo(source) != 0) {
            out.add(name + " " + xero.toPlainString() + " in Xero, " + source.toPlainString() + " in " + sourceName
                    + " (difference " + xero.subtract(source).toPlainString() + ")");
        }
    }

    /** A document that would be written with other amounts than its source's: blocked, not rejected by Xero. */
    public static final class BlockedException extends MappingException {
        public BlockedException(String message) {
            super(message);
        }
    }
}
