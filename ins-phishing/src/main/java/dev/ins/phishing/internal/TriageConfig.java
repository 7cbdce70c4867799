package dev.ins.phishing.internal;

import dev.ins.phishing.Institution;
import dev.ins.phishing.TriageLimits;
import java.util.List;
import java.util.Set;

/**
 * The configuration of a triage, validated by {@code MailTriage.Builder}.
 *
 * @param authservIds the trusted authserv-ids, lower-case; empty to trust the top-most header
 * @param institutions the institutions whose names and domains are protected
 * @param practiceDomains the practice's own domains, normalised
 * @param trustedDomains other legitimate domains, normalised
 * @param practiceMembers the names of the practice's people, as written
 * @param limits the bounds
 */
public record TriageConfig(Set<String> authservIds, List<Institution> institutions, List<String> practiceDomains,
    List<String> trustedDomains, List<String> practiceMembers, TriageLimits limits) {

  /** Copies the collections. */
  public TriageConfig {
    authservIds = Set.copyOf(authservIds);
    institutions = List.copyOf(institutions);
    practiceDomains = List.copyOf(practiceDomains);
    trustedDomains = List.copyOf(trustedDomains);
    practiceMembers = List.copyOf(practiceMembers);
  }
}
