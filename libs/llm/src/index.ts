/**
 * @mcube/llm: the adapters of the LLM validator and knowledge store ports of `@mcube/domain`:
 * Ollama (through the `ollama` client) and the deterministic rules validator; Chroma (through
 * the `chromadb` client) and the embedded SQLite FTS5 store. Depends on the domain only.
 */
export * from './verdict/verdict-schema';
export * from './verdict/judge-verdict';
export * from './prompts/prompt-templates.data';
export * from './prompts/render-prompt';
export * from './hash/inputs-hash';
export * from './ollama/ollama-llm.client';
export * from './ollama/model-trade-validator';
export * from './rules/rules-validator';
export * from './knowledge/knowledge-input';
export * from './knowledge/embedders';
export * from './knowledge/fts5-knowledge-store';
export * from './knowledge/chroma-knowledge-store';
export * from './llm-config';
export * from './knowledge/knowledge-documents';
export * from './knowledge/seed-knowledge';
