import { formatPaise, type FuturesDirection, type KnowledgeDocument, type KnowledgeSourceKind, type Paise } from '@mcube/domain';
import { KNOWLEDGE_LIMITS } from './knowledge-input';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'section';

/**
 * A markdown file (the plan, DECISIONS.md, a rules page) as knowledge documents: one per `##`/`###`
 * section, and one per row of a table (titled by its first cell: DECISIONS.md keeps one decision
 * per row). Ids are `<idPrefix>:<section slug>[:<row slug>]`; the source is `{ kind, ref: '<ref> §<heading>', title }`.
 * Texts longer than the store's limit are cut. Pure.
 */
export function documentsFromMarkdown(input: { markdown: string; kind: KnowledgeSourceKind; ref: string; idPrefix: string; tags?: readonly string[]; createdAtMs: number }): KnowledgeDocument[] {
  const docs: KnowledgeDocument[] = [];
  const seen = new Set<string>();
  const add = (idParts: string[], heading: string, title: string, text: string) => {
    const body = text.trim();
    if (!body) return;
    let id = [input.idPrefix, ...idParts.map(slug)].join(':');
    for (let n = 2; seen.has(id); n++) id = `${[input.idPrefix, ...idParts.map(slug)].join(':')}-${n}`;
    seen.add(id);
    docs.push({ id, text: body.slice(0, KNOWLEDGE_LIMITS.maxTextLength), source: { kind: input.kind, ref: `${input.ref} §${heading}`.slice(0, 200), title: title.slice(0, 200) }, tags: [...(input.tags ?? [])], createdAtMs: input.createdAtMs });
  };
  const sections = input.markdown.split(/^(?=#{2,3} )/m);
  for (const section of sections) {
    const [headingLine, ...rest] = section.split('\n');
    const heading = /^#{2,3} /.test(headingLine) ? headingLine.replace(/^#+\s*/, '').trim() : '';
    if (!heading) continue;
    const prose: string[] = [];
    let header: string[] | null = null;
    for (const line of rest) {
      const cells = /^\s*\|/.test(line) ? line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()) : null;
      if (!cells) {
        header = null;
        prose.push(line);
      } else if (cells.every((c) => /^:?-{3,}:?$/.test(c))) {
        continue;
      } else if (!header) {
        header = cells;
      } else {
        const text = cells.map((c, i) => `${header?.[i] ?? ''}: ${c}`).join('\n');
        add([heading, cells[0]], heading, `${heading} — ${cells[0]}`, text);
      }
    }
    add([heading], heading, heading, prose.join('\n'));
  }
  return docs;
}

/** A closed futures trade as a knowledge document (kind TRADE), so later validations can recall it. */
export function closedTradeDocument(t: {
  positionId: string;
  underlying: string;
  contract: string;
  direction: FuturesDirection;
  entryPrice: number;
  exitPrice: number;
  quantity: number;
  pnlPaise: Paise;
  exitReason: string;
  openedDate: string;
  closedDate: string;
  averagingAttempts: number;
  note?: string;
  /** The decision journal's inputs the trade was taken on (score breakdown, OI, sector, verdict, approvals), as text. */
  decisionInputs?: string;
  /** Extra searchable figures (score, verdict …); keys as `assertKnowledgeDocument` allows. */
  metadata?: Readonly<Record<string, string | number | boolean>>;
  createdAtMs: number;
}): KnowledgeDocument {
  const outcome = t.pnlPaise > 0 ? 'won' : t.pnlPaise < 0 ? 'lost' : 'broke even';
  const text = [
    `${t.underlying} ${t.direction} ${t.contract}: ${outcome} ${formatPaise(Math.abs(t.pnlPaise))}.`,
    `Entered ${t.openedDate} at ${t.entryPrice}, closed ${t.closedDate} at ${t.exitPrice} (${t.exitReason}), ${t.quantity} units, ${t.averagingAttempts} averaging attempt(s).`,
    t.note ? `Note: ${t.note}` : '',
    t.decisionInputs ? `Decision inputs: ${t.decisionInputs}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: `trade:${t.positionId}`.replace(/[^A-Za-z0-9._:@/-]/g, '-'),
    text: text.slice(0, KNOWLEDGE_LIMITS.maxTextLength),
    source: { kind: 'TRADE', ref: `position ${t.positionId}`, title: `${t.underlying} ${t.direction} ${t.closedDate}` },
    tags: ['futures', slug(t.underlying), t.pnlPaise >= 0 ? 'win' : 'loss'],
    metadata: { ...(t.metadata ?? {}), underlying: t.underlying, direction: t.direction, pnlPaise: t.pnlPaise, exitReason: t.exitReason },
    createdAtMs: t.createdAtMs,
  };
}
