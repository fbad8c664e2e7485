package dev.sluice.webhooks.intake;

/** What the X-Hub-Signature-256 header says about a request body. */
public sealed interface SignatureCheck {

    /** Signed with one of the configured secrets. */
    record Valid() implements SignatureCheck {
    }

    /** No X-Hub-Signature-256 header (a SHA-1 X-Hub-Signature alone does not count). */
    record Missing() implements SignatureCheck {
    }

    /** Not {@code sha256=} followed by 64 lower-case hex digits. */
    record Malformed(String reason) implements SignatureCheck {
    }

    /** Well formed, but no configured secret produces it. */
    record Mismatch() implements SignatureCheck {
    }
}
