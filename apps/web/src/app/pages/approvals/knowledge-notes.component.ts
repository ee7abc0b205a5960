import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { KnowledgeHitResponse, KnowledgeNoteResponse, KnowledgeSearchResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';
import { messageOf } from '../../core/api/api-error';
import { Notifier } from '../../core/notify/notifier.service';

/**
 * The trader's notes for the knowledge store (retrieved into the validator's prompt and onto
 * approval cards): add one (trader or admin), and search what the store holds (rules,
 * DECISIONS, closed trades, notes) with each passage's source.
 */
@Component({
  selector: 'mc-knowledge-notes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  template: `
    <div class="row g-3">
      @if (canWrite()) {
        <form class="col-12 col-lg-6" (ngSubmit)="add()" data-testid="note-form">
          <div class="mb-2"><label class="form-label small" for="note-title">Title</label><input id="note-title" class="form-control form-control-sm" name="title" maxlength="200" required [(ngModel)]="title" /></div>
          <div class="mb-2"><label class="form-label small" for="note-text">Note</label><textarea id="note-text" class="form-control form-control-sm" name="text" rows="3" maxlength="5000" required [(ngModel)]="text"></textarea></div>
          <button type="submit" class="btn btn-sm btn-primary" [disabled]="busy() || !title.trim() || !text.trim()">Add note</button>
        </form>
      }
      <form class="col-12 col-lg-6" (ngSubmit)="search()" data-testid="knowledge-search">
        <label class="form-label small" for="knowledge-q">Search the knowledge store</label>
        <div class="input-group input-group-sm mb-2"><input id="knowledge-q" class="form-control" name="q" maxlength="200" [(ngModel)]="query" /><button type="submit" class="btn btn-outline-primary" [disabled]="busy() || !query.trim()">Search</button></div>
        <ul class="small list-unstyled mb-0" data-testid="knowledge-hits">
          @for (h of hits(); track h.document.id) {
            <li class="mb-2"><strong>{{ h.document.source.title ?? h.document.source.ref }}</strong> <span class="badge text-bg-light border">{{ h.document.source.kind }}</span><div class="text-break">{{ h.document.text.slice(0, 300) }}</div></li>
          } @empty {
            @if (searched()) { <li>No passage matches.</li> }
          }
        </ul>
      </form>
    </div>
  `,
})
export class KnowledgeNotesComponent {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  readonly canWrite = input(false);
  protected title = '';
  protected text = '';
  protected query = '';
  protected readonly busy = signal(false);
  protected readonly searched = signal(false);
  protected readonly hits = signal<KnowledgeHitResponse[]>([]);

  protected async add(): Promise<void> {
    this.busy.set(true);
    try {
      const r = await this.api.post<KnowledgeNoteResponse>('/knowledge/notes', { title: this.title.trim(), text: this.text.trim() });
      this.notifier.success(`Note stored (${r.store}).`);
      this.title = '';
      this.text = '';
    } catch (err) {
      this.notifier.error(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async search(): Promise<void> {
    this.busy.set(true);
    try {
      const r = await this.api.get<KnowledgeSearchResponse>('/knowledge/search', { q: this.query.trim(), limit: 5 });
      this.hits.set(r.hits);
      this.searched.set(true);
    } catch (err) {
      this.notifier.error(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
