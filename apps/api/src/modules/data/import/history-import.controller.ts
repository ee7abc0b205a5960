import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportHistoryResponse, ImportRejectedResponse } from '@mcube/contracts';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { correlationIdOf } from '../../../common/request-context/request-context';
import { AuditService } from '../../core/audit/audit.service';
import { ImportHistoryDto } from './dto/import-history.dto';
import { HistoryImportRejected, importHistory } from './import-history';

/** CSV import of a user's own price history (trader/admin): all rows or none. */
@ApiTags('market')
@Controller('market')
export class HistoryImportController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** 201 with the counts, or 422 IMPORT_REJECTED listing every bad line (nothing written). */
  @Post('import')
  @HttpCode(201)
  async import(@Body() dto: ImportHistoryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ImportHistoryResponse | ImportRejectedResponse> {
    try {
      return await importHistory(this.dataSource, dto, (m, summary) => this.audit.record({ action: 'market-history.import', entity: 'market_data', entityId: `${summary.symbol} ${summary.interval}`, newValue: summary }, m));
    } catch (error) {
      if (!(error instanceof HistoryImportRejected)) throw error;
      res.status(422);
      return { code: 'IMPORT_REJECTED', message: error.message, errors: error.errors, correlationId: correlationIdOf(req) };
    }
  }
}
