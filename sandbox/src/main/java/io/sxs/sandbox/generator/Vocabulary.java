package io.sxs.sandbox.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Small word lists and random helpers; everything is drawn from the caller's seeded random. */
final class Vocabulary {

    /** A country with what an address, phone number, e-mail domain and company suffix look like there. */
    record Country(String iso3, String name, String currency, String tld, String phonePrefix, String[] suffixes,
                   String[] cities, String[] streets) {
    }

    static final Country[] COUNTRIES = {
        new Country("GBR", "United Kingdom", "GBP", "co.uk", "+44", new String[] {"Ltd", "Limited", "LLP", "plc"},
                new String[] {"London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Cardiff", "Birmingham", "York"},
                new String[] {"High Street", "Station Road", "Church Lane", "Victoria Road", "King Street", "Mill Lane"}),
        new Country("GBR", "United Kingdom", "GBP", "co.uk", "+44", new String[] {"Ltd", "Limited"},
                new String[] {"Glasgow", "Nottingham", "Brighton", "Belfast", "Oxford", "Cambridge"},
                new String[] {"Queens Road", "Park Avenue", "Market Square", "Bridge Street", "Castle Street"}),
        new Country("IRL", "Ireland", "EUR", "ie", "+353", new String[] {"Ltd", "DAC"},
                new String[] {"Dublin", "Cork", "Galway", "Limerick"},
                new String[] {"O'Connell Street", "Grafton Street", "Dame Street", "Patrick Street"}),
        new Country("DEU", "Germany", "EUR", "de", "+49", new String[] {"GmbH", "AG", "KG"},
                new String[] {"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt"},
                new String[] {"Hauptstrasse", "Bahnhofstrasse", "Gartenweg", "Schillerstrasse"}),
        new Country("FRA", "France", "EUR", "fr", "+33", new String[] {"SARL", "SAS"},
                new String[] {"Paris", "Lyon", "Marseille", "Bordeaux", "Lille"},
                new String[] {"Rue de la Paix", "Avenue Victor Hugo", "Rue du Commerce", "Boulevard Voltaire"}),
        new Country("NLD", "Netherlands", "EUR", "nl", "+31", new String[] {"B.V."},
                new String[] {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"},
                new String[] {"Keizersgracht", "Herengracht", "Stationsplein", "Kerkstraat"}),
        new Country("USA", "United States", "USD", "com", "+1", new String[] {"Inc.", "LLC", "Corp."},
                new String[] {"New York", "Boston", "Chicago", "Austin", "Seattle", "Denver"},
                new String[] {"Main Street", "Broadway", "Elm Street", "Market Street", "5th Avenue"}),
        new Country("SWE", "Sweden", "SEK", "se", "+46", new String[] {"AB"},
                new String[] {"Stockholm", "Gothenburg", "Malmo", "Uppsala"},
                new String[] {"Drottninggatan", "Kungsgatan", "Storgatan", "Sveavagen"}),
    };

    static final String[] COMPANY_FIRST = {"Northern", "Blue", "Silver", "Oakwood", "Harbour", "Granite", "Crimson",
        "Evergreen", "Summit", "Riverside", "Kingfisher", "Brightwater", "Ironbridge", "Meadow", "Westfield", "Copper",
        "Lighthouse", "Thistle", "Ashford", "Redcliffe", "Polar", "Juniper", "Falcon", "Sterling"};
    static final String[] COMPANY_SECOND = {"Analytics", "Logistics", "Media", "Labs", "Design", "Foods", "Engineering",
        "Consulting", "Architects", "Studios", "Partners", "Systems", "Interiors", "Events", "Printing", "Ventures",
        "Robotics", "Trading"};
    static final String[] FIRST_NAMES = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Sophie", "Grace", "Freya", "Noah",
        "Oliver", "George", "Arthur", "Leo", "Harry", "Oscar", "Jack", "Liam", "Emma", "Lukas", "Camille", "Sven",
        "Chloe", "Daniel", "Hannah"};
    static final String[] LAST_NAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker",
        "Murphy", "O'Brien", "Muller", "Schmidt", "Martin", "Bernard", "de Vries", "Jansen", "Johnson", "Miller",
        "Lindqvist", "Andersson", "Clarke", "Patel", "Hughes", "Wright"};

    /** Sales lines: description and unit. */
    static final String[][] SERVICES = {{"Consulting hours", "h"}, {"Design sprint", "day"},
        {"Website maintenance", "month"}, {"Brand workshop", "day"}, {"Project management", "h"},
        {"Copywriting", "pcs"}, {"Photography day", "day"}, {"Hosting (annual)", "pcs"}, {"Print run", "pcs"},
        {"Travel expenses recharge", null}, {"Software licence", "pcs"}, {"Training session", "pcs"}};
    /** Purchase lines: description and unit. */
    static final String[][] PURCHASES = {{"Office rent", "month"}, {"Cloud hosting", "month"}, {"Printer toner", "pcs"},
        {"Courier services", null}, {"Freelance design", "h"}, {"Software subscription", "month"},
        {"Rail fares", null}, {"Catering", null}, {"Stationery", "pcs"}, {"Contract developer", "day"}};
    /** Products / items: code, name, unit, price range in pence. */
    static final Object[][] PRODUCTS = {{"CONS-H", "Consulting hour", "h", 6500, 19500},
        {"DSGN-D", "Design day", "day", 45000, 95000}, {"WEB-M", "Website maintenance", "month", 15000, 60000},
        {"HOST-Y", "Hosting (annual)", "pcs", 9900, 49900}, {"TRN-S", "Training session", "pcs", 25000, 120000},
        {"PHOTO-D", "Photography day", "day", 40000, 90000}, {"COPY-W", "Copywriting (1000 words)", "pcs", 8000, 25000},
        {"PM-H", "Project management hour", "h", 5500, 12000}, {"SEO-A", "SEO audit", "pcs", 30000, 150000},
        {"LIC-U", "Software licence (user)", "pcs", 1200, 4900}, {"PRN-R", "Print run (500)", "pcs", 18000, 52000},
        {"WKS-B", "Brand workshop", "day", 80000, 240000}};

    static final String[] REGIONS = {"North", "South", "Midlands", "Scotland", "International"};
    static final String[] DEPARTMENTS = {"Consulting", "Creative", "Engineering", "Operations"};

    /** Quantities with up to 4 decimals. */
    static final String[] QUANTITIES = {"1", "1", "2", "3", "0.5", "1.5", "2.25", "7.5", "10", "0.75", "12.125",
        "2.3333", "0.0625", "4.1667", "1.3750"};
    static final String[] DISCOUNTS = {"5", "10", "12.5", "15"};

    private Vocabulary() {
    }

    /** A random country whose customers pay in {@code currency}, or any country when none does. */
    static Country countryFor(SplittableRandom rnd, String currency) {
        java.util.List<Country> matching = java.util.Arrays.stream(COUNTRIES).filter(c -> c.currency().equals(currency)).toList();
        return matching.isEmpty() ? pick(rnd, COUNTRIES) : matching.get(rnd.nextInt(matching.size()));
    }

    static <T> T pick(SplittableRandom rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    /** A company name unique among {@code used} (case-insensitive). */
    static String companyName(SplittableRandom rnd, Country country, Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String name = pick(rnd, COMPANY_FIRST) + " " + pick(rnd, COMPANY_SECOND) + " " + pick(rnd, country.suffixes());
            if (attempt > 20) {
                name = name + " " + (used.size() + 1);
            }
            if (used.add(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
    }

    /** A person's first and last name, unique as a full name among {@code used}. */
    static String[] personName(SplittableRandom rnd, Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String first = pick(rnd, FIRST_NAMES);
            String last = pick(rnd, LAST_NAMES);
            if (attempt > 20) {
                last = last + "-" + (used.size() + 1);
            }
            if (used.add((first + " " + last).toLowerCase(Locale.ROOT))) {
                return new String[] {first, last};
            }
        }
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    static String postcode(SplittableRandom rnd, Country c) {
        String letters = "ABCDEFGHJKLMNPRSTUWYZ";
        return switch (c.iso3()) {
            case "GBR" -> "" + letters.charAt(rnd.nextInt(letters.length())) + letters.charAt(rnd.nextInt(letters.length()))
                    + (1 + rnd.nextInt(20)) + " " + rnd.nextInt(10) + letters.charAt(rnd.nextInt(letters.length()))
                    + letters.charAt(rnd.nextInt(letters.length()));
            case "IRL" -> "D" + String.format("%02d", 1 + rnd.nextInt(24)) + " " + letters.charAt(rnd.nextInt(letters.length()))
                    + String.format("%03d", rnd.nextInt(1000));
            case "NLD" -> (1000 + rnd.nextInt(9000)) + " " + letters.charAt(rnd.nextInt(letters.length()))
                    + letters.charAt(rnd.nextInt(letters.length()));
            case "SWE" -> (100 + rnd.nextInt(900)) + " " + String.format("%02d", rnd.nextInt(100));
            default -> String.format("%05d", 1000 + rnd.nextInt(98_000));
        };
    }

    static String phone(SplittableRandom rnd, Country c) {
        return c.phonePrefix() + " " + (10 + rnd.nextInt(90)) + " " + String.format("%04d %04d", rnd.nextInt(10_000),
                rnd.nextInt(10_000));
    }

    static String street(SplittableRandom rnd, Country c) {
        return (1 + rnd.nextInt(180)) + " " + pick(rnd, c.streets());
    }

    /** A money amount between {@code minPence} and {@code maxPence} (2 dp). */
    static BigDecimal money(SplittableRandom rnd, int minPence, int maxPence) {
        return BigDecimal.valueOf(rnd.nextInt(minPence, maxPence + 1), 2);
    }

    /** {@code amount} times a share between {@code minPercent} and {@code maxPercent}, rounded to 2 dp. */
    static BigDecimal share(SplittableRandom rnd, BigDecimal amount, int minPercent, int maxPercent) {
        BigDecimal pct = BigDecimal.valueOf(rnd.nextInt(minPercent, maxPercent + 1));
        return amount.multiply(pct).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
    }
}
