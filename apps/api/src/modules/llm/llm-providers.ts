import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeStore, LlmPort, LlmValidator } from '@mcube/domain';
import { createKnowledgeStore, createLlmValidator, OllamaLlmClient } from '@mcube/llm';
import type { DataSource } from 'typeorm';
import type { AppConfig, LlmConfig } from '../../config/app-config';

/** The defaults of DECISIONS §6 when the configuration names nothing: rules validator, FTS5. */
export const DEFAULT_LLM_CONFIG: LlmConfig = { mode: 'rules', ollamaUrl: 'http://127.0.0.1:11434', model: 'llama3.1:8b', timeoutMs: 60_000 };

/** The validator the configuration asks for (rules unless Ollama is configured). */
export function validatorFor(config: AppConfig): LlmValidator {
  const llm = config.llm ?? DEFAULT_LLM_CONFIG;
  return createLlmValidator({ mode: llm.mode, ollamaHost: llm.ollamaUrl, model: llm.model, timeoutMs: llm.timeoutMs });
}

/**
 * The language model behind the validator port, for free text (the weekly insight): the
 * validator's Ollama model through the `ollama` client when MCUBE_LLM=ollama, with its timeout;
 * null with the rules validator (the caller writes its rules summary).
 */
export function languageModelFor(config: AppConfig): LlmPort | null {
  const llm = config.llm ?? DEFAULT_LLM_CONFIG;
  if (llm.mode !== 'ollama') return null;
  return new OllamaLlmClient({ host: llm.ollamaUrl, model: llm.model, timeoutMs: llm.timeoutMs });
}

/**
 * Where the embedded FTS5 store lives: the application's SQLite file (through its own connection
 * when the data source is given, see `knowledgeStoreFor`),
 * or on PostgreSQL a `knowledge.sqlite` next to the default SQLite path (FTS5 is SQLite's).
 */
export function knowledgeDatabaseOf(config: AppConfig): string {
  if (config.database.type === 'sqlite') return config.database.path;
  // Tests on PostgreSQL keep nothing; a deployment keeps its notes next to where SQLite would live.
  if (config.nodeEnv === 'test') return ':memory:';
  mkdirSync('./data', { recursive: true });
  return join('./data', 'knowledge.sqlite');
}

/** What the FTS5 store opens: a file path or an open better-sqlite3 connection. */
type KnowledgeDatabase = NonNullable<Parameters<typeof createKnowledgeStore>[0]['knowledgeDatabase']>;

/**
 * The application's own better-sqlite3 connection, when the data source is SQLite: the FTS5 store
 * writes through it. A second connection to the same file made TypeORM's deferred transactions
 * fail with "database is locked" whenever a knowledge write (the boot seeding, a closed trade)
 * committed between a transaction's first read and its first write (WAL cannot upgrade a stale
 * snapshot; the busy timeout does not apply). On one connection the store's short transactions
 * simply run between (or, as savepoints, inside) the application's.
 */
function sharedSqliteConnection(dataSource: DataSource | undefined): KnowledgeDatabase | undefined {
  if (dataSource?.options.type !== 'better-sqlite3') return undefined;
  return (dataSource.driver as unknown as { databaseConnection?: KnowledgeDatabase }).databaseConnection;
}

/** The knowledge store the configuration asks for: Chroma when CHROMA_URL is set, else FTS5. */
export function knowledgeStoreFor(config: AppConfig, dataSource?: DataSource): KnowledgeStore {
  const llm = config.llm ?? DEFAULT_LLM_CONFIG;
  const knowledgeDatabase = (config.database.type === 'sqlite' ? sharedSqliteConnection(dataSource) : undefined) ?? knowledgeDatabaseOf(config);
  return createKnowledgeStore({ mode: llm.mode, ollamaHost: llm.ollamaUrl, model: llm.model, timeoutMs: llm.timeoutMs, chromaUrl: llm.chromaUrl, knowledgeDatabase });
}
