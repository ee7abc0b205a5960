import { Injectable } from '@nestjs/common';
import type { DecisionResponse } from '@mcube/contracts';
import { addDays, epochMsOfIst } from '@mcube/domain';
import { Between, DataSource, type FindOptionsWhere, Not } from 'typeorm';
import { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';
import { decisionResponseOf } from '../runtime/decision-response-of';
import type { ListDecisionsDto } from './dto/list-decisions.dto';

/** Default page size of the decision feed. */
export const DECISIONS_DEFAULT_LIMIT = 100;

/** Reads the decision journal for the console (newest first). */
@Injectable()
export class DecisionsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListDecisionsDto): Promise<DecisionResponse[]> {
    const where: FindOptionsWhere<DecisionJournalEntry> = {};
    if (q.accountId !== undefined) where.accountId = q.accountId;
    if (q.kind !== undefined) where.kind = q.kind;
    // The dashboard pins the decisions a flood of monitoring HOLDs must not push off the page.
    else if (q.exceptKind !== undefined) where.kind = Not(q.exceptKind);
    if (q.date !== undefined) where.occurredAt = Between(new Date(epochMsOfIst(q.date, '00:00')), new Date(epochMsOfIst(addDays(q.date, 1), '00:00') - 1));
    const rows = await this.dataSource.getRepository(DecisionJournalEntry).find({ where, order: { occurredAt: 'DESC', id: 'DESC' }, take: q.limit ?? DECISIONS_DEFAULT_LIMIT });
    return rows.map(decisionResponseOf);
  }
}
