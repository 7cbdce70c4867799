package dev.ins.core;

/**
 * The nature of a matricule INS, which only its OID tells: a NIR (certified number) or a NIA
 * (temporary number while a foreign-born person's file is certified).
 *
 * <pre>{@code
 * InsOid.parse("1.2.250.1.213.1.4.9").nature(); // NIA
 * }</pre>
 */
public enum MatriculeNature {
  /** Numéro d'inscription au répertoire. */
  NIR,
  /** Numéro identifiant d'attente. */
  NIA
}
