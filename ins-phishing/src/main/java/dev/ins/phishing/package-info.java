/**
 * Triage of a practice's incoming mail: {@link dev.ins.phishing.MailTriage} assesses one RFC 5322
 * message and explains its {@link dev.ins.phishing.Verdict} with {@link dev.ins.phishing.Reason}s in
 * French.
 *
 * <pre>{@code
 * Assessment a = MailTriage.standard().assess(Path.of("message.eml"));
 * System.out.println(a.verdict() + " " + a.score());
 * a.reasons().forEach(r -> System.out.println(r.code() + " " + r.message()));
 * }</pre>
 */
package dev.ins.phishing;
