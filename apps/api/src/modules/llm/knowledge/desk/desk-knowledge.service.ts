import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, KnowledgeStore } from '@mcube/domain';
import { seedKnowledge, type SeedOutcome } from '@mcube/llm';
import { WALL_CLOCK } from '../../../core/clock/clock.token';
import { KNOWLEDGE_STORE } from '../../llm.tokens';
import { deskKnowledgeDocuments, DESK_KNOWLEDGE } from './desk-knowledge';

/**
 * Loads the desk's rules and DECISIONS into the knowledge store at boot, idempotently: each
 * document is keyed by its content hash (`seedKnowledge`), so a restart writes only sections
 * that changed (nothing re-embedded on Chroma), and removes the stored rule sections that are
 * no longer in the texts (`DESK_KNOWLEDGE`: every RULE and DECISION document is the desk's). It runs after boot without holding it up; an
 * unreachable store is logged and retried at the next boot, never fatal.
 */
@Injectable()
export class DeskKnowledgeService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DeskKnowledge');
  private run: Promise<SeedOutcome | null> = Promise.resolve(null);

  constructor(
    @Inject(KNOWLEDGE_STORE) private readonly store: KnowledgeStore,
    /** Wall time: when a document was written. */
    @Inject(WALL_CLOCK) private readonly wall: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.run = this.load().catch((err: unknown) => {
      this.logger.warn(`the desk's rules were not loaded into the ${this.store.kind} knowledge store: ${(err as Error).message}`);
      return null;
    });
  }

  /** The outcome of the boot load (null when it failed); resolves when it has finished. */
  settled(): Promise<SeedOutcome | null> {
    return this.run;
  }

  /** Seeds every desk document and removes stale ones; returns what was written, what was already current and what was removed. */
  async load(): Promise<SeedOutcome> {
    const outcome = await seedKnowledge(this.store, deskKnowledgeDocuments(this.wall.nowMs()), { prune: DESK_KNOWLEDGE });
    this.logger.log(`knowledge store ${this.store.kind}: ${outcome.written.length} rule document(s) written, ${outcome.unchanged.length} unchanged, ${outcome.removed.length} stale removed`);
    return outcome;
  }
}
