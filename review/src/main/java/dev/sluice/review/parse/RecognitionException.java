package dev.sluice.review.parse;

/** The recognizer met a form it does not model; the statement is handed to the fallback reader. */
final class RecognitionException extends RuntimeException {

    RecognitionException(String message) {
        super(message, null, false, false);
    }
}
