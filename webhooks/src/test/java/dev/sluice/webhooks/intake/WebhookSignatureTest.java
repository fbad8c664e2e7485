package dev.sluice.webhooks.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesGitHubsPublishedTestVector() {
        String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertThat(WebhookSignature.sign("It's a Secret to Everybody", HELLO)).isEqualTo(expected);
        assertThat(new WebhookSignature(List.of("It's a Secret to Everybody")).verify(HELLO, expected))
                .isInstanceOf(SignatureCheck.Valid.class);
    }

    @Test
    void acceptsAnyOfSeveralSecretsForRotation() {
        WebhookSignature signature = new WebhookSignature(List.of("old", "new"));
        assertThat(signature.verify(HELLO, WebhookSignature.sign("old", HELLO))).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(signature.verify(HELLO, WebhookSignature.sign("new", HELLO))).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(signature.verify(HELLO, WebhookSignature.sign("other", HELLO))).isInstanceOf(SignatureCheck.Mismatch.class);
    }

    @Test
    void isComputedOverTheExactBytes() {
        byte[] compact = "{\"a\":1,\"b\":\"ż🐢\"}".getBytes(StandardCharsets.UTF_8);
        byte[] reformatted = "{ \"a\": 1, \"b\": \"ż🐢\" }".getBytes(StandardCharsets.UTF_8);
        WebhookSignature signature = new WebhookSignature(List.of("secret"));
        assertThat(signature.verify(compact, WebhookSignature.sign("secret", compact))).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(signature.verify(reformatted, WebhookSignature.sign("secret", compact))).isInstanceOf(SignatureCheck.Mismatch.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
        "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17",
        "sha512=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1z",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17 ",
        "sha1=0123456789abcdef0123456789abcdef01234567",
    })
    void malformedHeadersAreRejectedWithoutExceptions(String header) {
        assertThat(new WebhookSignature(List.of("It's a Secret to Everybody")).verify(HELLO, header))
                .isInstanceOf(SignatureCheck.Malformed.class);
    }

    @Test
    void aMissingHeaderIsMissingAndAnEmptySecretIsRefused() {
        assertThat(new WebhookSignature(List.of("s")).verify(HELLO, null)).isInstanceOf(SignatureCheck.Missing.class);
        assertThatThrownBy(() -> new WebhookSignature(List.of())).hasMessageContaining("webhook secret is required");
        assertThatThrownBy(() -> new WebhookSignature(List.of(" "))).hasMessageContaining("webhook secret is required");
    }
}
