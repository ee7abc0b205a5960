import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AuthService } from '../../core/auth/auth.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { AuditApi } from './audit.api';
import { AUDIT_ENTITY_WORDS, auditActionText, auditValueLines } from './audit-words';

const PAGE = 50;

/**
 * The audit log for admins: who changed what and when (wall-clock time, labelled so; it is not
 * market time), with old and new values, filtered by what was changed, 50 a page, newest first.
 * A table from tablets up, one card per entry on a phone.
 */
@Component({
  selector: 'mc-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, LoadStateComponent],
  templateUrl: './audit.page.html',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  protected readonly auth = inject(AuthService);
  protected readonly entities = Object.entries(AUDIT_ENTITY_WORDS);
  protected readonly entity = signal<string | null>(null);
  protected readonly offset = signal(0);
  protected readonly page = asyncResource(() => this.api.list({ limit: PAGE, offset: this.offset(), entity: this.entity() }), { immediate: false });
  protected readonly actionText = auditActionText;
  protected readonly lines = auditValueLines;
  protected readonly pageSize = PAGE;
  protected readonly range = computed(() => {
    const p = this.page.value();
    return p && p.total > 0 ? `${this.offset() + 1}–${Math.min(this.offset() + PAGE, p.total)} of ${p.total}` : '';
  });

  constructor() {
    if (this.auth.isAdmin()) void this.page.reload();
  }

  /** What was changed, in words (the stored name when unknown). */
  protected entityText(entity: string): string {
    return Object.prototype.hasOwnProperty.call(AUDIT_ENTITY_WORDS, entity) ? AUDIT_ENTITY_WORDS[entity] : entity;
  }

  protected setEntity(entity: string | null): void {
    this.entity.set(entity);
    this.offset.set(0);
    void this.page.reload();
  }

  protected move(by: number): void {
    this.offset.set(Math.max(0, this.offset() + by * PAGE));
    void this.page.reload();
  }
}
