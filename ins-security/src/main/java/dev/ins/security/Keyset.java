package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.KeysetCodec;
import dev.ins.security.internal.KeysetRecordAead;
import dev.ins.security.internal.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, non-empty list of keys with one primary key, in the spirit of Tink's keysets.
 *
 * <p>The primary encrypts (or signs, or computes pseudonyms); every enabled key still decrypts, so
 * rotation never loses data. Safe rotation across machines takes three steps: {@link #addKey}
 * (the new key is not primary yet), distribute the keyset, then {@link #promote}. Invariants: ids
 * are unique and non-zero; the primary exists and is enabled; either every key is an AEAD key or
 * every key has the same non-AEAD type. {@code toString()} never shows key material.
 *
 * <pre>{@code
 * Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
 * Keyset next = ks.addKey(KeyType.CHACHA20_POLY1305);
 * Keyset rotated = next.promote(next.keys().get(1).id());
 * byte[] sealed = KeysetVault.sealWithPassword(rotated, password);
 * }</pre>
 */
public final class Keyset {
  /** The maximum number of keys in a keyset. */
  public static final int MAX_KEYS = 1024;

  private final List<KeysetKey> keys;
  private final int primaryId;

  private Keyset(List<KeysetKey> keys, int primaryId) {
    this.keys = keys;
    this.primaryId = primaryId;
  }

  /**
   * Builds a keyset from keys, checking every invariant.
   *
   * @param keys 1 to {@link #MAX_KEYS} keys
   * @param primaryId the id of an enabled key among them
   * @return the keyset
   * @throws InsCryptoException POLICY_VIOLATION naming the broken invariant
   */
  public static Keyset of(List<KeysetKey> keys, int primaryId) {
    Objects.requireNonNull(keys, "keys == null");
    if (keys.isEmpty() || keys.size() > MAX_KEYS) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "keyset.keys", "must hold 1.." + MAX_KEYS + " keys, got " + keys.size());
    }
    Set<Integer> ids = new HashSet<>();
    KeysetKey primary = null;
    for (KeysetKey k : keys) {
      Objects.requireNonNull(k, "key == null");
      if (!ids.add(k.id())) {
        throw new InsCryptoException(Code.POLICY_VIOLATION, "keyset.keys", "duplicate key id " + k.idHex());
      }
      if (k.id() == primaryId) {
        primary = k;
      }
    }
    if (primary == null) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "keyset.primary", "primary id " + String.format("%08x", primaryId) + " is not in the keyset");
    }
    if (primary.status() != KeyStatus.ENABLED) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keyset.primary", "primary key is disabled");
    }
    KeyType first = keys.get(0).type();
    for (KeysetKey k : keys) {
      boolean compatible = first.isAead() ? k.type().isAead() : k.type() == first;
      if (!compatible) {
        throw new InsCryptoException(
            Code.POLICY_VIOLATION, "keyset.keys", "mixes key types " + first + " and " + k.type());
      }
    }
    return new Keyset(Collections.unmodifiableList(new ArrayList<>(keys)), primaryId);
  }

  /**
   * Generates a keyset with one fresh random key, which is primary.
   *
   * @param type the key type
   * @return the keyset
   */
  public static Keyset generate(KeyType type) {
    Objects.requireNonNull(type, "type == null");
    int id = newId(Set.of());
    return of(List.of(new KeysetKey(id, type, KeyStatus.ENABLED, SecretBytes.random(type.keyLength()))), id);
  }

  private static int newId(Set<Integer> taken) {
    while (true) {
      int id = Rng.nextInt();
      if (id != 0 && !taken.contains(id)) {
        return id;
      }
    }
  }

  /**
   * Returns a keyset with one more fresh key, enabled but not primary (rotation step 1).
   *
   * @param type the new key's type
   * @return the new keyset
   */
  public Keyset addKey(KeyType type) {
    Set<Integer> taken = new HashSet<>();
    keys.forEach(k -> taken.add(k.id()));
    List<KeysetKey> next = new ArrayList<>(keys);
    next.add(new KeysetKey(newId(taken), type, KeyStatus.ENABLED, SecretBytes.random(type.keyLength())));
    return of(next, primaryId);
  }

  /**
   * Returns a keyset with a fresh key of the primary's type made primary at once. Use only where
   * one process owns every copy of the keyset; otherwise use {@link #addKey} then {@link #promote}.
   *
   * @return the new keyset
   */
  public Keyset rotate() {
    Keyset added = addKey(primary().type());
    return added.promote(added.keys.get(added.keys.size() - 1).id());
  }

  /**
   * Makes an enabled key primary (rotation step 3).
   *
   * @param id the key id
   * @return the new keyset
   */
  public Keyset promote(int id) {
    require(id);
    return of(keys, id);
  }

  /**
   * Disables a non-primary key.
   *
   * @param id the key id
   * @return the new keyset
   */
  public Keyset disable(int id) {
    require(id);
    if (id == primaryId) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keyset.primary", "cannot disable the primary key");
    }
    return withStatus(id, KeyStatus.DISABLED);
  }

  /**
   * Enables a key again.
   *
   * @param id the key id
   * @return the new keyset
   */
  public Keyset enable(int id) {
    require(id);
    return withStatus(id, KeyStatus.ENABLED);
  }

  private Keyset withStatus(int id, KeyStatus s) {
    List<KeysetKey> next = new ArrayList<>();
    for (KeysetKey k : keys) {
      next.add(k.id() == id ? k.withStatus(s) : k);
    }
    return of(next, primaryId);
  }

  private void require(int id) {
    if (key(id).isEmpty()) {
      throw new InsCryptoException(
          Code.UNKNOWN_KEY, "keyset.keys", "no key with id " + String.format("%08x", id));
    }
  }

  /**
   * Returns the keys in insertion order.
   *
   * @return an unmodifiable list
   */
  public List<KeysetKey> keys() {
    return keys;
  }

  /**
   * Returns the primary key.
   *
   * @return the primary
   */
  public KeysetKey primary() {
    return key(primaryId).orElseThrow();
  }

  /**
   * Finds a key by id.
   *
   * @param id the id
   * @return the key, if present
   */
  public Optional<KeysetKey> key(int id) {
    for (KeysetKey k : keys) {
      if (k.id() == id) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the record AEAD over this keyset.
   *
   * @return a thread-safe AEAD
   * @throws InsCryptoException POLICY_VIOLATION unless this is an AEAD keyset
   */
  public RecordAead recordAead() {
    if (!primary().type().isAead()) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "keyset.primary", primary().type() + " keyset cannot encrypt records");
    }
    return new KeysetRecordAead(this);
  }

  /**
   * Serializes the keyset in clear (for sealing under a KEK). Prefer {@link KeysetVault}.
   *
   * @param access the access token
   * @return the clear bytes; wipe them after use
   */
  public byte[] toClearBytes(SecretAccess access) {
    Objects.requireNonNull(access, "access == null");
    return KeysetCodec.encode(this);
  }

  /**
   * Parses a clear keyset serialized by {@link #toClearBytes}.
   *
   * @param bytes the bytes
   * @param access the access token
   * @return the keyset
   * @throws InsCryptoException MALFORMED or POLICY_VIOLATION
   */
  public static Keyset fromClearBytes(byte[] bytes, SecretAccess access) {
    Objects.requireNonNull(access, "access == null");
    return KeysetCodec.decode(bytes);
  }

  @Override
  public String toString() {
    return "Keyset[primary=" + primary().idHex() + ", keys=" + keys + "]";
  }
}
