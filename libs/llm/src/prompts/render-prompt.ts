import type { KnowledgePassage, TradeIdea } from '@mcube/domain';
import type { PromptTemplate } from './prompt-templates.data';

/** The system and user messages of a rendered template. */
export interface RenderedPrompt {
  readonly system: string;
  readonly user: string;
}

/** Passages as the prompt lists them: numbered, with source and text. */
export function formatPassages(passages: readonly KnowledgePassage[]): string {
  if (passages.length === 0) return '(none retrieved)';
  return passages.map((p, i) => `[${i + 1}] ${p.source.kind} ${p.source.ref}${p.source.title ? ` — ${p.source.title}` : ''}\n${p.text}`).join('\n\n');
}

/** Fills a template's placeholders. Unknown placeholders stay as they are. */
export function renderPrompt(template: PromptTemplate, input: { idea: TradeIdea; passages: readonly KnowledgePassage[]; minConfidence: number }): RenderedPrompt {
  const values: Record<string, string> = {
    idea: JSON.stringify(input.idea, null, 2),
    passages: formatPassages(input.passages),
    minConfidence: String(input.minConfidence),
    direction: `${input.idea.direction} ${input.idea.contract}`,
  };
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m);
  return { system: fill(template.system), user: fill(template.user) };
}
