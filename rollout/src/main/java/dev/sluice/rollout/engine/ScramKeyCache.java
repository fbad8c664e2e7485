package dev.sluice.rollout.engine;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.SecretKeyFactorySpi;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives each SCRAM-SHA-256 key once per process instead of once per connection.
 *
 * <p>Why: for every connection the PostgreSQL driver derives PBKDF2(password, salt, 4,096 rounds)
 * through the JCA. The salt belongs to the role, so on one server it is the same for every
 * database, and a run over 500 tenant databases derives the same key 500 times; that was most of a
 * no-op run's time (see bench/README.md). This JCA provider, put first, answers
 * {@code PBKDF2WithHmacSHA256} from a small cache in front of the JDK's own implementation.
 *
 * <p>Only the command line installs it ({@code sluice migrate} and friends: short-lived processes
 * that hold the password in memory anyway, so keeping the derived key adds no exposure). The
 * long-running server does not. The cache is keyed by a digest of everything the key depends on
 * (password, salt, rounds, length), holds at most 16 keys and never the password. A JDK that
 * insists on signed JCE providers skips this one, and connections simply derive as before.
 */
public final class ScramKeyCache extends Provider {

    private static final String NAME = "SluiceScramKeyCache";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ENTRIES = 16;
    private static final Map<String, byte[]> CACHE = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > ENTRIES;
        }
    };

    private ScramKeyCache() {
        super(NAME, "1", "caches PBKDF2WithHmacSHA256 keys for SCRAM connections");
        putService(new Service(this, "SecretKeyFactory", ALGORITHM, Factory.class.getName(), null, null));
    }

    /** Puts the cache in front of the JDK's provider; once per JVM, later calls do nothing. */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new ScramKeyCache(), 1);
        }
    }

    /** The factory the provider hands out: the JDK's, with the cache in front. */
    public static final class Factory extends SecretKeyFactorySpi {

        private static volatile Provider jdkProvider;

        private final SecretKeyFactory jdk;

        public Factory() throws NoSuchAlgorithmException {
            this.jdk = SecretKeyFactory.getInstance(ALGORITHM, jdkProvider());
        }

        /** The provider behind the cache, found once (looking it up costs more than a cache hit). */
        private static Provider jdkProvider() throws NoSuchAlgorithmException {
            Provider found = jdkProvider;
            if (found == null) {
                found = Arrays.stream(Security.getProviders("SecretKeyFactory." + ALGORITHM))
                        .filter(provider -> !(provider instanceof ScramKeyCache))
                        .findFirst()
                        .orElseThrow(() -> new NoSuchAlgorithmException(ALGORITHM));
                jdkProvider = found;
            }
            return found;
        }

        @Override
        protected SecretKey engineGenerateSecret(KeySpec spec) throws InvalidKeySpecException {
            if (!(spec instanceof PBEKeySpec pbe) || pbe.getSalt() == null) {
                return jdk.generateSecret(spec);
            }
            String key = fingerprint(pbe);
            byte[] derived;
            synchronized (CACHE) {
                derived = CACHE.get(key);
            }
            if (derived == null) {
                derived = jdk.generateSecret(spec).getEncoded();
                synchronized (CACHE) {
                    CACHE.put(key, derived);
                }
            }
            return new SecretKeySpec(derived.clone(), ALGORITHM);
        }

        @Override
        protected KeySpec engineGetKeySpec(SecretKey key, Class<?> keySpec) throws InvalidKeySpecException {
            return jdk.getKeySpec(key, keySpec);
        }

        @Override
        protected SecretKey engineTranslateKey(SecretKey key) throws InvalidKeyException {
            return jdk.translateKey(key);
        }

        /** SHA-256 over password, salt, rounds and key length: the cache key, so the password is not kept. */
        private static String fingerprint(PBEKeySpec spec) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                ByteBuffer password = StandardCharsets.UTF_8.encode(CharBuffer.wrap(spec.getPassword()));
                byte[] bytes = new byte[password.remaining()];
                password.get(bytes);
                // Lengths first, so no two different inputs run together into the same bytes.
                digest.update(ByteBuffer.allocate(16).putInt(bytes.length).putInt(spec.getSalt().length)
                        .putInt(spec.getIterationCount()).putInt(spec.getKeyLength()).array());
                digest.update(bytes);
                Arrays.fill(bytes, (byte) 0);
                digest.update(spec.getSalt());
                return HexFormat.of().formatHex(digest.digest());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
