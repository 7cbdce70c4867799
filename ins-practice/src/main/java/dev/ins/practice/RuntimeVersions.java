package dev.ins.practice;

import dev.ins.core.InsSdk;
import java.util.Objects;

/**
 * The versions the updates check compares with the floor list: the JDK, Bouncy Castle and the SDK.
 * {@link #current()} reads them from the running JVM; tests pass their own.
 *
 * <pre>{@code
 * RuntimeVersions v = RuntimeVersions.current();   // e.g. 17.0.15+6, 1.87, 0.1.0
 * }</pre>
 *
 * @param jdk the JDK version string ({@link Runtime.Version} syntax)
 * @param bouncyCastle the Bouncy Castle provider version
 * @param sdk the ins-sdk version
 */
public record RuntimeVersions(String jdk, String bouncyCastle, String sdk) {
  /**
   * Validates.
   *
   * @param jdk not null
   * @param bouncyCastle not null
   * @param sdk not null
   */
  public RuntimeVersions {
    Objects.requireNonNull(jdk, "jdk == null");
    Objects.requireNonNull(bouncyCastle, "bouncyCastle == null");
    Objects.requireNonNull(sdk, "sdk == null");
  }

  /**
   * Reads the running versions.
   *
   * @return the versions
   */
  public static RuntimeVersions current() {
    return new RuntimeVersions(Runtime.version().toString(),
        new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr(), InsSdk.version());
  }
}
