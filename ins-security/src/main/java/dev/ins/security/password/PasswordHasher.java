package dev.ins.security.password;

import dev.ins.security.Argon2Params;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.Argon2;
import dev.ins.security.internal.Rng;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Argon2id password hashing with upgrade-on-login and constant-time comparison.
 *
 * <p>{@link #hash} stores a PHC string with a fresh 16-byte salt. {@link #login} checks a password
 * against a stored string and, when it matches but was hashed with a weaker cost than this
 * hasher's target, returns a new hash to store (upgrade on login, the only moment the clear
 * password is available). A malformed stored string is an error, not a failed login.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.of(Argon2Params.recommended());
 * String stored = hasher.hash(password);
 * PasswordHasher.LoginResult r = hasher.login(password, stored);
 * if (r.matches()) r.upgradedHash().ifPresent(db::saveHash);
 * }</pre>
 */
public final class PasswordHasher {
  private final Argon2Params target;

  private PasswordHasher(Argon2Params target) {
    this.target = target;
  }

  /**
   * Creates a hasher.
   *
   * @param target the cost for new hashes
   * @return the hasher
   */
  public static PasswordHasher of(Argon2Params target) {
    return new PasswordHasher(Objects.requireNonNull(target, "target == null"));
  }

  /**
   * The outcome of a login check.
   *
   * @param matches whether the password is right
   * @param upgradedHash a stronger hash to store, present only when it matched with a weaker cost
   */
  public record LoginResult(boolean matches, Optional<String> upgradedHash) {
    /**
     * Validates.
     *
     * @param matches whether it matched
     * @param upgradedHash empty unless matched
     */
    public LoginResult {
      Objects.requireNonNull(upgradedHash, "upgradedHash == null");
      if (!matches && upgradedHash.isPresent()) {
        throw new IllegalArgumentException("no upgrade without a match");
      }
    }
  }

  /**
   * Hashes a password.
   *
   * @param password 1..1024 characters
   * @return the PHC string to store
   */
  public String hash(char[] password) {
    check(password);
    byte[] salt = Rng.bytes(16);
    return new PasswordHash(target, salt, Argon2.derive(password, salt, target, 32)).format();
  }

  /**
   * Checks a password against a stored hash, in constant time for the comparison.
   *
   * @param password the candidate
   * @param stored the stored PHC string
   * @return the result, with an upgraded hash when due
   * @throws InsCryptoException MALFORMED when the stored string is not a valid hash
   */
  public LoginResult login(char[] password, String stored) {
    check(password);
    PasswordHash h = PasswordHash.parse(stored);
    byte[] candidate = Argon2.derive(password, h.salt(), h.params(), h.hash().length);
    boolean ok = h.sameHash(candidate);
    Arrays.fill(candidate, (byte) 0);
    if (!ok) {
      return new LoginResult(false, Optional.empty());
    }
    return new LoginResult(true, needsRehash(stored) ? Optional.of(hash(password)) : Optional.empty());
  }

  /**
   * Tells whether a stored hash is weaker than this hasher's target on any axis, or uses a salt
   * shorter than 16 bytes or a hash shorter than 32 bytes.
   *
   * @param stored the stored PHC string
   * @return true when it should be replaced at the next successful login
   */
  public boolean needsRehash(String stored) {
    PasswordHash h = PasswordHash.parse(stored);
    return !h.params().atLeast(target) || h.hash().length < 32;
  }

  /**
   * Tunes Argon2id for this machine: with the given memory, the smallest number of passes
   * (1..16) whose measured hashing time reaches {@code target}. Run it at installation, store
   * the result, and build the hasher from it; never below {@link Argon2Params#owaspMinimum()}.
   *
   * @param target the time one login may spend hashing (e.g. 500 ms)
   * @param memoryKiB the memory to use, within {@link Argon2Params}'s bounds
   * @return the tuned parameters
   */
  public static Argon2Params calibrate(java.time.Duration target, int memoryKiB) {
    Objects.requireNonNull(target, "target == null");
    Argon2Params floor = Argon2Params.owaspMinimum();
    int memory = Math.max(memoryKiB, floor.memoryKiB());
    byte[] salt = new byte[16];
    char[] probe = "calibration".toCharArray();
    Argon2Params p = Argon2Params.of(memory, floor.iterations(), 1);
    while (true) {
      long start = System.nanoTime();
      Argon2.derive(probe, salt, p, 32);
      long took = System.nanoTime() - start;
      if (took >= target.toNanos() || p.iterations() == 16) {
        return p;
      }
      p = Argon2Params.of(memory, p.iterations() + 1, 1);
    }
  }

  private static void check(char[] password) {
    if (password == null || password.length == 0 || password.length > 1024) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "password", "must be 1..1024 characters");
    }
  }

  @Override
  public String toString() {
    return "PasswordHasher[" + target + "]";
  }
}
