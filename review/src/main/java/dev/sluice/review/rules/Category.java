package dev.sluice.review.rules;

/** The groups rules are listed in. */
public enum Category {
    LOCKING("Lock and rewrite hazards"),
    DESTRUCTIVE("Destructive or backward-incompatible changes"),
    DATA("Data changes"),
    TRANSACTIONS("Transactions"),
    SESSION("Session safety"),
    TYPES("Types"),
    STRUCTURE("Structure and naming"),
    META("Meta");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
