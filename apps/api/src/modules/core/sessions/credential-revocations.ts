import { Injectable } from '@nestjs/common';

/** A credential that stopped being valid: one session, one API key, or everything of a user. */
export type Revocation = { kind: 'session'; tokenHash: string } | { kind: 'api-key'; keyId: number } | { kind: 'user'; userId: number };

/**
 * In-process notice of ended credentials (logout, key revocation, deactivation, role or
 * password change), so long-lived connections (the /ws socket) close at once instead of at
 * their next periodic check. A listener that throws never stops the others.
 */
@Injectable()
export class CredentialRevocations {
  private readonly listeners = new Set<(r: Revocation) => void>();

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: (r: Revocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(revocation: Revocation): void {
    for (const listener of this.listeners) {
      try {
        listener(revocation);
      } catch {
        // One broken listener must not keep the others' connections open.
      }
    }
  }
}
