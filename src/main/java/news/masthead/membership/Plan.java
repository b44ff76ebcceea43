package news.masthead.membership;

import java.time.Instant;
import java.util.List;

/**
 * Something a reader can join: a price per month or year, an optional trial, the benefits readers
 * read and the entitlements those benefits grant.
 */
public record Plan(long id, String name, long priceMinor, String currency, Billing billing, int trialDays,
                   List<String> benefits, List<String> entitlements, Instant archivedAt) {

    public enum Billing { MONTH, YEAR;
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** The price in a sentence, such as "$5 a month" or "€4.50 a month" (whole amounts without decimals). */
    public String priceInWords() {
        java.util.Currency c = java.util.Currency.getInstance(currency);
        java.math.BigDecimal amount = java.math.BigDecimal.valueOf(priceMinor, Math.max(0, c.getDefaultFractionDigits()));
        String shown = amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : amount.toPlainString();
        String symbol = c.getSymbol(java.util.Locale.US);
        return (symbol.length() == 1 ? symbol + shown : shown + " " + currency) + " a " + billing.label();
    }

    /** The price as readers read it, such as "$5.00 / month". */
    public String priceLabel() {
        java.util.Currency c = java.util.Currency.getInstance(currency);
        int digits = Math.max(0, c.getDefaultFractionDigits());
        java.math.BigDecimal amount = java.math.BigDecimal.valueOf(priceMinor, digits);
        String symbol = c.getSymbol(java.util.Locale.US);
        return (symbol.length() == 1 ? symbol + amount.toPlainString() : amount.toPlainString() + " " + currency)
                + " / " + billing.label();
    }
}
