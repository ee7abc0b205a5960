import { createKnowledgeStore, createLlmValidator } from './llm-config';
import { RULES_VALIDATOR_LABEL } from './rules/rules-validator';

describe('choosing the adapters from the settings', () => {
  it('uses the rules validator by default and Ollama only with a model', () => {
    expect(createLlmValidator({ mode: 'rules' })).toMatchObject({ kind: 'RULES', label: RULES_VALIDATOR_LABEL });
    expect(() => createLlmValidator({ mode: 'ollama' })).toThrow(/MCUBE_LLM_MODEL/);
    expect(createLlmValidator({ mode: 'ollama', model: 'llama3.1:8b' })).toMatchObject({ kind: 'OLLAMA', label: 'Ollama llama3.1:8b' });
  });

  it('uses the FTS5 store unless CHROMA_URL is set', () => {
    expect(createKnowledgeStore({ mode: 'rules' }).kind).toBe('FTS5');
    expect(createKnowledgeStore({ mode: 'rules', chromaUrl: 'http://127.0.0.1:8000' }).kind).toBe('CHROMA');
  });
});
