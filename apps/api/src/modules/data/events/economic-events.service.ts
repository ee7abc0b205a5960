import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { EconomicEventResponse } from '@mcube/contracts';
import { assertIsoDate } from '@mcube/domain';
import { Between, DataSource, EntityManager, LessThanOrEqual, MoreThanOrEqual, Not, Repository, type FindOptionsWhere } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { inTransaction } from '../../../database/in-transaction';
import { AuditService } from '../../core/audit/audit.service';
import { EconomicEvent } from '../entities/economic-event.entity';
import type { CreateEconomicEventDto, UpdateEconomicEventDto } from './dto/economic-event.dto';

function view(e: EconomicEvent): EconomicEventResponse {
  return {
    id: e.id,
    title: e.title,
    importance: e.importance,
    eventDate: e.eventDate,
    eventTime: e.eventTime,
    country: e.country,
    category: e.category,
    description: e.description,
    source: e.source,
  };
}

function assertRealDate(date: string | undefined): void {
  if (date === undefined) return;
  try {
    assertIsoDate(date);
  } catch {
    throw new AppException('VALIDATION_FAILED', ['eventDate must be a real calendar date']);
  }
}

/**
 * The user's economic events calendar (RBI, budget, Fed…): validated writes, each committed
 * together with its audit entry; one event per title and IST date (409 otherwise).
 */
@Injectable()
export class EconomicEventsService {
  constructor(
    @InjectRepository(EconomicEvent) private readonly events: Repository<EconomicEvent>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Events in date then time order, optionally between two IST dates inclusive. */
  async list(range: { from?: string; to?: string }): Promise<EconomicEventResponse[]> {
    const where: FindOptionsWhere<EconomicEvent> = {};
    if (range.from && range.to) where.eventDate = Between(range.from, range.to);
    else if (range.from) where.eventDate = MoreThanOrEqual(range.from);
    else if (range.to) where.eventDate = LessThanOrEqual(range.to);
    const rows = await this.events.find({ where, order: { eventDate: 'ASC', eventTime: 'ASC', id: 'ASC' }, take: 2000 });
    return rows.map(view);
  }

  /** Creates an event (source 'user'). VALIDATION_FAILED for an impossible date, CONFLICT for a duplicate. */
  async create(dto: CreateEconomicEventDto): Promise<EconomicEventResponse> {
    assertRealDate(dto.eventDate);
    const saved = await inTransaction(this.dataSource, async (m) => {
      await this.assertUnique(m, dto.title, dto.eventDate);
      const row = await m.save(
        EconomicEvent,
        m.create(EconomicEvent, {
          title: dto.title,
          importance: dto.importance,
          eventDate: dto.eventDate,
          eventTime: dto.eventTime ?? null,
          country: dto.country ?? 'IN',
          category: dto.category ?? null,
          description: dto.description ?? null,
          source: 'user',
        }),
      );
      await this.audit.record({ action: 'economic-event.create', entity: 'economic_event', entityId: String(row.id), newValue: view(row) }, m);
      return row;
    });
    return view(saved);
  }

  /** Changes some fields. NOT_FOUND, VALIDATION_FAILED (nothing to change, impossible date) or CONFLICT. */
  async update(id: number, dto: UpdateEconomicEventDto): Promise<EconomicEventResponse> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<EconomicEvent>;
    if (Object.keys(changes).length === 0) throw new AppException('VALIDATION_FAILED', ['body must change at least one field']);
    assertRealDate(dto.eventDate);
    const saved = await inTransaction(this.dataSource, async (m) => {
      const before = await m.findOne(EconomicEvent, { where: { id } });
      if (!before) throw new AppException('NOT_FOUND', 'No such event');
      const old = view(before);
      const next = { ...before, ...changes };
      await this.assertUnique(m, next.title, next.eventDate, id);
      const row = await m.save(EconomicEvent, next);
      await this.audit.record({ action: 'economic-event.update', entity: 'economic_event', entityId: String(id), oldValue: old, newValue: view(row) }, m);
      return row;
    });
    return view(saved);
  }

  /** Deletes an event; NOT_FOUND when there is none. */
  async remove(id: number): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      const before = await m.findOne(EconomicEvent, { where: { id } });
      if (!before) throw new AppException('NOT_FOUND', 'No such event');
      await m.delete(EconomicEvent, { id });
      await this.audit.record({ action: 'economic-event.delete', entity: 'economic_event', entityId: String(id), oldValue: view(before) }, m);
    });
  }

  private async assertUnique(m: EntityManager, title: string, eventDate: string, exceptId?: number): Promise<void> {
    const clash = await m.findOne(EconomicEvent, { where: { title, eventDate, ...(exceptId ? { id: Not(exceptId) } : {}) } });
    if (clash) throw new AppException('CONFLICT', 'An event with this title already exists on that date');
  }
}
