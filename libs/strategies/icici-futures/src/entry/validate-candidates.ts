import { passageOf, type KnowledgePassage, type KnowledgeStore, type LlmValidator, type TradeIdea, type TradeValidation } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { TradePlan } from '../plan/trade-plan';
import type { ScreenedCandidate } from '../screen/screen-report';
import type { FuturesEvaluation } from './evaluate-entry';
import { tradeIdeaOf } from './trade-idea';

/** One candidate's trip through retrieval and the validator. */
export interface CandidateValidation {
  readonly candidate: ScreenedCandidate;
  readonly plan: TradePlan;
  readonly idea: TradeIdea;
  /** Retrieval is advice: a store that fails gives no passages and says why here. */
  readonly retrieval: { readonly store: string; readonly query: string; readonly passages: readonly KnowledgePassage[]; readonly error: string | null };
  readonly validation: TradeValidation;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The words a candidate is looked up by in the knowledge store. */
export function knowledgeQueryOf(idea: TradeIdea): string {
  return `${idea.underlying} ${idea.sector.index} ${idea.direction} futures ${idea.openInterest.reason} sector ${idea.sector.verdict} averaging stop target`;
}

/**
 * Validates the planned candidates best first until one passes (or all were tried): for each,
 * the top-k passages from the knowledge store go into the validator with the idea. A failing
 * store gives no passages (the validator still runs: retrieval informs, it does not gate).
 * `onEach` sees every validation (the strategy journals it). Returns all validations made.
 */
export async function validateCandidates(input: {
  evaluation: FuturesEvaluation;
  config: IciciFuturesConfig;
  validator: LlmValidator;
  knowledge: KnowledgeStore;
  onEach: (v: CandidateValidation) => Promise<void>;
}): Promise<CandidateValidation[]> {
  const { evaluation: ev, config } = input;
  const done: CandidateValidation[] = [];
  for (const { candidate, outcome } of ev.plans) {
    if (!outcome.ok) continue;
    const idea = tradeIdeaOf({ accountId: config.accountId, candidate, plan: outcome.plan, date: ev.date, time: ev.time });
    const query = knowledgeQueryOf(idea);
    let passages: KnowledgePassage[] = [];
    let error: string | null = null;
    if (config.knowledgeTopK > 0) {
      try {
        passages = (await input.knowledge.search({ text: query, limit: config.knowledgeTopK })).map(passageOf);
      } catch (e) {
        error = messageOf(e);
      }
    }
    const validation = await input.validator.validate({ idea, passages, minConfidence: config.minLlmConfidence });
    const v: CandidateValidation = { candidate, plan: outcome.plan, idea, retrieval: { store: input.knowledge.kind, query, passages, error }, validation };
    done.push(v);
    await input.onEach(v);
    if (validation.passed) break;
  }
  return done;
}
