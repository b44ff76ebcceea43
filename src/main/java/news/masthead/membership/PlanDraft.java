package news.masthead.membership;

import news.masthead.platform.web.WebError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A plan as staff typed it, validated: each problem names its field. */
record PlanDraft(String name, long priceMinor, String currency, Plan.Billing billing, int trialDays,
                 List<String> benefits, List<String> entitlements) {
    /** The most a plan may cost in minor units (a million dollars, say): anything more is a typo. */
    static final long MAX_PRICE_MINOR = 100_000_000L;
    private static final Pattern PARTNER = Pattern.compile("partner:[a-z0-9][a-z0-9-]{0,62}");
    static final List<String> FIXED_ENTITLEMENTS = List.of("ad-light", "premium", "magazine", "epaper");

    static boolean isEntitlement(String e) {
        return FIXED_ENTITLEMENTS.contains(e) || PARTNER.matcher(e).matches();
    }

    static PlanDraft parse(String name, String price, String currency, String billing, String trialDays,
                           String benefits, String entitlements) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw WebError.badRequest("name", "A plan needs a name of at most 100 characters.");
        }
        String cur = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        Currency c;
        try {
            c = Currency.getInstance(cur);
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("currency", "The currency must be an ISO 4217 code such as USD or EUR.");
        }
        long minor = minorUnits(price, c);
        Plan.Billing b;
        try {
            b = Plan.Billing.valueOf((billing == null ? "" : billing.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("billing", "The interval must be month or year.");
        }
        int trial;
        try {
            trial = trialDays == null || trialDays.isBlank() ? 0 : Integer.parseInt(trialDays.strip());
        } catch (NumberFormatException e) {
            throw WebError.badRequest("trialDays", "Trial days must be a whole number.");
        }
        if (trial < 0 || trial > 365) {
            throw WebError.badRequest("trialDays", "Trial days must be between 0 and 365.");
        }
        List<String> benefitList = lines(benefits);
        if (benefitList.size() > 20 || benefitList.stream().anyMatch(l -> l.length() > 200)) {
            throw WebError.badRequest("benefits", "At most 20 benefits of at most 200 characters each.");
        }
        List<String> granted = new ArrayList<>(new LinkedHashSet<>(lines(entitlements == null ? null
                : entitlements.toLowerCase(Locale.ROOT).replace(',', '\n'))));
        for (String e : granted) {
            if (!isEntitlement(e)) {
                throw WebError.badRequest("entitlements", "Unknown entitlement '" + e
                        + "': use ad-light, premium, magazine, epaper or partner:<slug>.");
            }
        }
        return new PlanDraft(n, minor, c.getCurrencyCode(), b, trial, benefitList, granted);
    }

    /** "5", "5.00" or "1234.5" in the currency's major unit, to minor units; absurd amounts refused. */
    private static long minorUnits(String price, Currency currency) {
        String p = price == null ? "" : price.strip();
        if (!p.matches("\\d{1,9}(\\.\\d{1,3})?")) {
            throw WebError.badRequest("price", "The price must be an amount such as 5 or 5.00.");
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        java.math.BigDecimal amount = new java.math.BigDecimal(p);
        if (amount.scale() > digits) {
            throw WebError.badRequest("price", currency.getCurrencyCode() + " has " + digits + " decimal places.");
        }
        long minor = amount.movePointRight(digits).longValueExact();
        if (minor <= 0 || minor > MAX_PRICE_MINOR) {
            throw WebError.badRequest("price", "The price must be more than zero and at most "
                    + java.math.BigDecimal.valueOf(MAX_PRICE_MINOR, digits).toPlainString() + ".");
        }
        return minor;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
