import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PROMPT_TEMPLATES } from '@mcube/llm';
import { DataSource } from 'typeorm';
import { LlmPrompt } from './entities/llm-prompt.entity';

/**
 * The versioned prompt templates (`PROMPT_TEMPLATES`, data in `@mcube/llm`) as `llm_prompts`
 * rows, written at boot when missing (a template is never edited once used: a change is a new
 * version, so an existing (name, version) row is left as it is). `idOf` gives the row a
 * stored validation points at.
 */
@Injectable()
export class PromptRowsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('PromptRows');
  private readonly ids = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  /** Inserts the templates that have no row yet; returns how many were added. */
  async ensure(): Promise<number> {
    const repo = this.dataSource.getRepository(LlmPrompt);
    let added = 0;
    for (const t of PROMPT_TEMPLATES) {
      if (await repo.exist({ where: { name: t.name, version: t.version } })) continue;
      await repo.insert({ name: t.name, version: t.version, template: JSON.stringify({ system: t.system, user: t.user }), description: t.description, isActive: true });
      added++;
    }
    if (added > 0) this.logger.log(`${added} prompt template row(s) stored`);
    return added;
  }

  /** The row id of a template version, or null when none is stored (a validator without a prompt). */
  async idOf(name: string | null | undefined, version: number | null | undefined): Promise<number | null> {
    if (!name || version === null || version === undefined) return null;
    const key = `${name}@${version}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const row = await this.dataSource.getRepository(LlmPrompt).findOne({ where: { name, version } });
    if (row) this.ids.set(key, row.id);
    return row?.id ?? null;
  }
}
