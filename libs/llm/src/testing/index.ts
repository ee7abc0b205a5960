/** Test helpers of `@mcube/llm` (imported as `@mcube/llm/testing` from tests only): a local Ollama wire-format server and a trade-idea fixture. */
export * from './fake-ollama.server';
export * from './trade-idea.fixture';
