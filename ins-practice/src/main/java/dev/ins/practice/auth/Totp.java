package dev.ins.practice.auth;

import dev.ins.security.SecretAccess;
import dev.ins.security.SecretBytes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): the second factor of the
 * practice software.
 *
 * <p>Defaults: SHA-1, 6 digits, 30-second steps from the Unix epoch, one step of tolerance back
 * and forward (network delay and small clock drift). {@link #verify} refuses a code whose step is
 * not strictly after the last accepted one (replay, RFC 6238 §5.2): store {@link
 * Verification#acceptedStep()} per user and pass it back. Codes of every step in the window are
 * computed and compared in constant time, so timing does not tell which step matched. Steps are
 * 64-bit (beyond 2038). The shared secret stays in a {@link SecretBytes}; seal it with {@link
 * TotpSecret} like any other key.
 *
 * <pre>{@code
 * Totp totp = Totp.builder().build();
 * Totp.Verification v = totp.verify(secret, typedCode, clock.instant(), user.lastTotpStep());
 * if (v.accepted()) user.setLastTotpStep(v.acceptedStep().getAsLong());
 * }</pre>
 */
public final class Totp {
  private final TotpAlgorithm algorithm;
  private final int digits;
  private final long periodSeconds;
  private final long t0;
  private final int window;

  private Totp(Builder b) {
    this.algorithm = b.algorithm;
    this.digits = b.digits;
    this.periodSeconds = b.periodSeconds;
    this.t0 = b.t0;
    this.window = b.window;
  }

  /**
   * Starts a configuration with the defaults (SHA-1, 6 digits, 30 s, T0 = 0, window 1).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link Totp}; {@link #build()} validates. */
  public static final class Builder {
    private TotpAlgorithm algorithm = TotpAlgorithm.SHA1;
    private int digits = 6;
    private long periodSeconds = 30;
    private long t0;
    private int window = 1;

    private Builder() {}

    /**
     * Sets the HMAC.
     *
     * @param algorithm the algorithm
     * @return this builder
     */
    public Builder algorithm(TotpAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm == null");
      return this;
    }

    /**
     * Sets the number of digits.
     *
     * @param digits 6..9 (RFC 4226: at least 6; the value is 31 bits)
     * @return this builder
     */
    public Builder digits(int digits) {
      this.digits = digits;
      return this;
    }

    /**
     * Sets the time step.
     *
     * @param seconds 1..3600
     * @return this builder
     */
    public Builder periodSeconds(long seconds) {
      this.periodSeconds = seconds;
      return this;
    }

    /**
     * Sets the Unix time at which steps start counting (T0).
     *
     * @param epochSecond T0, usually 0
     * @return this builder
     */
    public Builder t0(long epochSecond) {
      this.t0 = epochSecond;
      return this;
    }

    /**
     * Sets how many steps before and after the current one are accepted.
     *
     * @param steps 0..2 (RFC 6238 §5.2 recommends at most one step back)
     * @return this builder
     */
    public Builder window(int steps) {
      this.window = steps;
      return this;
    }

    /**
     * Builds.
     *
     * @return the TOTP
     * @throws IllegalStateException naming the parameter out of range
     */
    public Totp build() {
      if (digits < 6 || digits > 9) {
        throw new IllegalStateException("digits must be 6..9, got " + digits);
      }
      if (periodSeconds < 1 || periodSeconds > 3600) {
        throw new IllegalStateException("periodSeconds must be 1..3600, got " + periodSeconds);
      }
      if (window < 0 || window > 2) {
        throw new IllegalStateException("window must be 0..2, got " + window);
      }
      return new Totp(this);
    }
  }

  /**
   * The answer of {@link #verify}.
   *
   * @param accepted whether the code is accepted
   * @param acceptedStep the step that matched, to store as the user's last accepted step
   * @param reason {@code OK}, {@code WRONG_CODE}, {@code REPLAY} or {@code MALFORMED}
   */
  public record Verification(boolean accepted, OptionalLong acceptedStep, Reason reason) {
    /**
     * Validates.
     *
     * @param accepted whether accepted
     * @param acceptedStep present exactly when accepted
     * @param reason not null
     */
    public Verification {
      Objects.requireNonNull(acceptedStep, "acceptedStep == null");
      Objects.requireNonNull(reason, "reason == null");
      if (accepted != acceptedStep.isPresent()) {
        throw new IllegalArgumentException("acceptedStep must be present exactly when accepted");
      }
    }
  }

  /** Why a code was accepted or refused. */
  public enum Reason {
    /** The code matches a step of the window, after the last accepted one. */
    OK,
    /** No step of the window gives this code. */
    WRONG_CODE,
    /** The code matches a step that is not after the last accepted one (already used). */
    REPLAY,
    /** Not a string of the configured number of digits. */
    MALFORMED
  }

  /**
   * Returns the time step of an instant.
   *
   * @param at the instant
   * @return {@code floor((unixTime - T0) / period)}
   */
  public long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond() - t0, periodSeconds);
  }

  /**
   * Computes the code of an instant.
   *
   * @param secret the shared secret (16 bytes or more)
   * @param at the instant
   * @return the code, zero-padded to the configured digits
   */
  public String code(SecretBytes secret, Instant at) {
    return hotp(secret, step(at));
  }

  /**
   * Computes the HOTP value of a counter (RFC 4226 §5.3).
   *
   * @param secret the shared secret (16 bytes or more)
   * @param counter the counter (the TOTP step)
   * @return the code, zero-padded
   */
  public String hotp(SecretBytes secret, long counter) {
    byte[] key = secret(secret);
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName());
      mac.init(new SecretKeySpec(key, algorithm.jcaName()));
      byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
      int off = h[h.length - 1] & 0x0f;
      int bin = ((h[off] & 0x7f) << 24) | ((h[off + 1] & 0xff) << 16) | ((h[off + 2] & 0xff) << 8) | (h[off + 3] & 0xff);
      long mod = 1;
      for (int i = 0; i < digits; i++) {
        mod *= 10;
      }
      String s = Long.toString(bin % mod);
      return "0".repeat(digits - s.length()) + s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.jcaName() + " is not available in this JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] secret(SecretBytes secret) {
    Objects.requireNonNull(secret, "secret == null");
    if (secret.size() < 16) {
      throw new IllegalArgumentException("a TOTP secret needs at least 128 bits (RFC 4226 R6), got " + secret.size() * 8);
    }
    return secret.toByteArray(SecretAccess.insecure());
  }

  /**
   * Checks a code typed by the user.
   *
   * @param secret the user's shared secret
   * @param code what the user typed (spaces are not accepted: strip them in the UI)
   * @param now the current time
   * @param lastAcceptedStep the step of the user's last accepted code, empty if none
   * @return the verification; store {@code acceptedStep} when accepted
   */
  public Verification verify(SecretBytes secret, String code, Instant now, OptionalLong lastAcceptedStep) {
    Objects.requireNonNull(lastAcceptedStep, "lastAcceptedStep == null");
    if (code == null || code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new Verification(false, OptionalLong.empty(), Reason.MALFORMED);
    }
    byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
    long current = step(now);
    long matched = Long.MIN_VALUE;
    for (long s = current - window; s <= current + window; s++) {
      boolean eq = MessageDigest.isEqual(typed, hotp(secret, s).getBytes(StandardCharsets.US_ASCII));
      if (eq && matched == Long.MIN_VALUE) {
        matched = s;
      }
    }
    if (matched == Long.MIN_VALUE) {
      return new Verification(false, OptionalLong.empty(), Reason.WRONG_CODE);
    }
    if (lastAcceptedStep.isPresent() && matched <= lastAcceptedStep.getAsLong()) {
      return new Verification(false, OptionalLong.empty(), Reason.REPLAY);
    }
    return new Verification(true, OptionalLong.of(matched), Reason.OK);
  }

  /**
   * Builds the enrolment URI an authenticator app reads from a QR code (Key URI format):
   * {@code otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}.
   * Show it once, then require a first valid code to confirm the enrolment.
   *
   * @param issuer the practice software's name, without ':'
   * @param account the user's login, without ':'
   * @param secret the shared secret
   * @return the URI
   */
  public String otpauthUri(String issuer, String account, SecretBytes secret) {
    for (String[] p : new String[][] {{"issuer", issuer}, {"account", account}}) {
      if (p[1] == null || p[1].isBlank() || p[1].contains(":")) {
        throw new IllegalArgumentException(p[0] + " must be non-blank and must not contain ':'");
      }
    }
    byte[] key = secret(secret);
    try {
      String label = enc(issuer) + ":" + enc(account);
      return "otpauth://totp/" + label + "?secret=" + Base32.encode(key) + "&issuer=" + enc(issuer)
          + "&algorithm=" + algorithm.uriName() + "&digits=" + digits + "&period=" + periodSeconds;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "Totp[" + algorithm + ", " + digits + " digits, " + periodSeconds + " s, window " + window + "]";
  }
}
