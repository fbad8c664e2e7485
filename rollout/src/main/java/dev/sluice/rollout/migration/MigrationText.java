package dev.sluice.rollout.migration;

import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.RolloutException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a migration file as strict UTF-8. Invalid bytes or a NUL byte are an input error naming the
 * file and the byte offset, found before anything reaches a database (which would reject them
 * half-way through a run with SQLSTATE 22021).
 */
public final class MigrationText {

    private MigrationText() {
    }

    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RolloutException(ErrorCode.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return decode(file.toString(), bytes);
    }

    public static String decode(String name, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new RolloutException(ErrorCode.INVALID_INPUT, name + ": NUL byte at byte offset " + i
                        + " (PostgreSQL cannot store it; is this a binary file?)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new RolloutException(ErrorCode.INVALID_INPUT, name + ": invalid UTF-8 at byte offset " + in.position()
                    + " (save the file as UTF-8)");
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new RolloutException(ErrorCode.INVALID_INPUT, name + ": invalid UTF-8 at the end of the file");
        }
        out.flip();
        return out.toString();
    }
}
