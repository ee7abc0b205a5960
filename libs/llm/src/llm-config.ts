import type { KnowledgeStore, LlmValidator } from '@mcube/domain';
import type Database from 'better-sqlite3';
import { ChromaKnowledgeStore } from './knowledge/chroma-knowledge-store';
import { HashingEmbedder, LlmEmbedder, type Embedder } from './knowledge/embedders';
import { Fts5KnowledgeStore } from './knowledge/fts5-knowledge-store';
import { ModelTradeValidator } from './ollama/model-trade-validator';
import { DEFAULT_OLLAMA_HOST, OllamaLlmClient } from './ollama/ollama-llm.client';
import { RULES_VALIDATOR_DEFAULTS, RulesTradeValidator, type RulesValidatorSettings } from './rules/rules-validator';

/** The LLM and knowledge settings (from the environment: MCUBE_LLM, OLLAMA_HOST, MCUBE_LLM_MODEL, CHROMA_URL). */
export interface LlmSettings {
  /** 'rules' (default) or 'ollama'. */
  readonly mode: 'rules' | 'ollama';
  readonly ollamaHost?: string;
  /** Required for 'ollama'. */
  readonly model?: string;
  readonly embedModel?: string;
  readonly timeoutMs?: number;
  readonly rules?: RulesValidatorSettings;
  /** Set → Chroma; else the FTS5 store. */
  readonly chromaUrl?: string;
  readonly chromaCollection?: string;
  /** The FTS5 store's database: a better-sqlite3 handle or a file path. */
  readonly knowledgeDatabase?: Database.Database | string;
}

/**
 * The validator the settings ask for: the rules validator by default (DECISIONS §6), Ollama
 * with `model` when mode is 'ollama'. Throws when 'ollama' has no model (a configuration error).
 */
export function createLlmValidator(s: LlmSettings): LlmValidator {
  if (s.mode === 'rules') return new RulesTradeValidator(s.rules ?? RULES_VALIDATOR_DEFAULTS);
  if (!s.model) throw new Error('MCUBE_LLM=ollama needs MCUBE_LLM_MODEL (the Ollama model name)');
  const llm = new OllamaLlmClient({ host: s.ollamaHost ?? DEFAULT_OLLAMA_HOST, model: s.model, embedModel: s.embedModel, timeoutMs: s.timeoutMs });
  return new ModelTradeValidator({ llm, model: s.model, timeoutMs: s.timeoutMs });
}

/**
 * The knowledge store the settings ask for: Chroma when `chromaUrl` is set (vectors from Ollama
 * `embed` when mode is 'ollama', else the hashing embedder), else FTS5 on `knowledgeDatabase`
 * (default ':memory:', i.e. nothing kept: the API passes its database).
 */
export function createKnowledgeStore(s: LlmSettings): KnowledgeStore {
  if (s.chromaUrl) {
    const embedder: Embedder =
      s.mode === 'ollama' && (s.embedModel ?? s.model)
        ? new LlmEmbedder(new OllamaLlmClient({ host: s.ollamaHost ?? DEFAULT_OLLAMA_HOST, model: s.model ?? '', embedModel: s.embedModel ?? s.model, timeoutMs: s.timeoutMs }), (s.embedModel ?? s.model) as string)
        : new HashingEmbedder();
    return new ChromaKnowledgeStore({ url: s.chromaUrl, collection: s.chromaCollection, embedder });
  }
  return new Fts5KnowledgeStore(s.knowledgeDatabase ?? ':memory:');
}
