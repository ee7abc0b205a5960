import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { KnowledgeNoteResponse, KnowledgeSearchResponse } from '@mcube/contracts';
import type { Clock, KnowledgeStore } from '@mcube/domain';
import { randomUUID } from 'node:crypto';
import { CurrentPrincipal } from '../../../common/decorators/current-principal.decorator';
import { Roles } from '../../../common/decorators/roles.decorator';
import type { Principal } from '../../../common/request-context/principal';
import { AuditService } from '../../core/audit/audit.service';
import { WALL_CLOCK } from '../../core/clock/clock.token';
import { KNOWLEDGE_STORE } from '../llm.tokens';
import { AddNoteDto } from './dto/add-note.dto';
import { SearchKnowledgeDto } from './dto/search-knowledge.dto';

/** The knowledge store over REST: search (any role) and the trader's own notes (trader or admin, audited). */
@ApiTags('knowledge')
@Controller('knowledge')
export class KnowledgeController {
  constructor(
    @Inject(KNOWLEDGE_STORE) private readonly store: KnowledgeStore,
    private readonly audit: AuditService,
    /** Wall time: when the note was written. */
    @Inject(WALL_CLOCK) private readonly wall: Clock,
  ) {}

  @Get('search')
  async search(@Query() q: SearchKnowledgeDto): Promise<KnowledgeSearchResponse> {
    return { store: this.store.kind, hits: [...(await this.store.search({ text: q.q, limit: q.limit ?? 5 }))] };
  }

  @Roles('trader')
  @Post('notes')
  async addNote(@Body() body: AddNoteDto, @CurrentPrincipal() by: Principal): Promise<KnowledgeNoteResponse> {
    const id = `note-${randomUUID()}`;
    await this.store.upsert({ id, text: body.text.trim(), source: { kind: 'NOTE', ref: `note by ${by.username}`, title: body.title.trim() }, tags: body.tags ?? [], createdAtMs: this.wall.nowMs() });
    await this.audit.record({ action: 'knowledge.note.add', entity: 'knowledge_document', entityId: id, newValue: { title: body.title, tags: body.tags ?? [], by: by.username } });
    return { id, store: this.store.kind };
  }
}
