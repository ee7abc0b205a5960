/**
 * A versioned prompt template. Data, never edited once used: a change is a new version (the
 * API stores each as an `LLMPrompt` row and every validation names the version it used).
 * Placeholders: {{idea}} (the trade idea as JSON), {{passages}} (retrieved passages with their
 * sources), {{minConfidence}}, {{direction}}.
 */
export interface PromptTemplate {
  readonly name: string;
  readonly version: number;
  readonly description: string;
  readonly system: string;
  readonly user: string;
}

/** Name of the futures validation prompt. */
export const FUTURES_VALIDATION_PROMPT = 'icici-futures-validation';

/** Every template, all versions (the newest of a name is the default). */
export const PROMPT_TEMPLATES: readonly PromptTemplate[] = Object.freeze([
  {
    name: FUTURES_VALIDATION_PROMPT,
    version: 1,
    description: 'Second opinion on a screened ICICI stock/index futures trade before a person is asked to approve it.',
    system: [
      'You are a cautious risk reviewer for an Indian F&O desk that trades stock and index futures with real money.',
      'Capital preservation comes first: when the evidence is mixed, thin or contradictory, answer REJECT.',
      'You review one trade idea produced by a quantitative screener (open interest, sector trend over 3/7/21 sessions, technicals) and its trade plan.',
      'Judge only from the figures and passages given; do not invent news or prices.',
      'Answer with one JSON object and nothing else, matching the schema you are given:',
      'verdict APPROVE or REJECT; confidence between 0 and 1 (how sure you are the trade is sound); direction LONG or SHORT (the direction you judged);',
      'reasons (why, at least one), risks (what could go wrong), counterpoints (evidence against the idea).',
      'Never approve a direction other than the proposed one.',
    ].join('\n'),
    user: [
      'Proposed trade: {{direction}}. A person will still approve or reject it; your answer is advice.',
      'An APPROVE below confidence {{minConfidence}} counts as a rejection.',
      '',
      'Trade idea (JSON; prices in rupees, amounts in paise, changes in percent):',
      '{{idea}}',
      '',
      'Passages retrieved from the desk\'s knowledge store (rules, past trades, notes), each with its source:',
      '{{passages}}',
    ].join('\n'),
  },
]);

/**
 * A template by name: the given version, or the newest. Throws when there is none (a
 * configuration error that must be seen, not a validation outcome).
 */
export function promptTemplate(name: string, version?: number): PromptTemplate {
  const all = PROMPT_TEMPLATES.filter((t) => t.name === name).sort((a, b) => b.version - a.version);
  const found = version === undefined ? all[0] : all.find((t) => t.version === version);
  if (!found) throw new Error(`no prompt template ${name}${version === undefined ? '' : ` version ${version}`}`);
  return found;
}
