import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, KnowledgeStore } from '@mcube/domain';
import { seedKnowledge, type SeedOutcome } from '@mcube/llm';
import { WALL_CLOCK } from '../../../core/clock/clock.token';
import { KNOWLEDGE_STORE } from '../../llm.tokens';
import { deskKnowledgeDocuments } from './desk-knowledge';

/**
 * Loads the desk's rules and DECISIONS into the knowledge store at boot, idempotently: each
 * document is keyed by its content hash (`seedKnowledge`), so a restart writes only sections
 * that changed (nothing re-embedded on Chroma). It runs after boot without holding it up; an
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

  /** Seeds every desk document; returns what was written and what was already current. */
  async load(): Promise<SeedOutcome> {
    const outcome = await seedKnowledge(this.store, deskKnowledgeDocuments(this.wall.nowMs()));
    this.logger.log(`knowledge store ${this.store.kind}: ${outcome.written.length} rule document(s) written, ${outcome.unchanged.length} unchanged`);
    return outcome;
  }
}
