/** DI token of the trade validator (`LlmValidator`): the rules validator, or Ollama when configured. */
export const LLM_VALIDATOR = Symbol('mcube:llm-validator');

/** DI token of the knowledge store (`KnowledgeStore`): SQLite FTS5, or Chroma when configured. */
export const KNOWLEDGE_STORE = Symbol('mcube:knowledge-store');

/** DI token of the validator's language model for free text (`LlmPort`), or null with the rules validator. */
export const LANGUAGE_MODEL = Symbol('mcube:language-model');
