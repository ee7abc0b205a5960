import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import type { StrategyConfigResponse } from '@mcube/contracts';
import { ApiError, messageOf } from '../../core/api/api-error';
import { messagesByField } from '../../core/api/messages-by-field';
import { NgbModal } from '@ng-bootstrap/ng-bootstrap';
import { AuthService } from '../../core/auth/auth.service';
import { ReasonModalComponent } from '../../shared/ui/reason-modal.component';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { SettingsFormComponent } from '../../shared/settings-form/settings-form.component';
import { StrategyApi } from './strategy.api';
import { strategyFields, strategyName } from './strategy-fields';
import { StrategyHistoryComponent } from './strategy-history.component';

/** One strategy configuration: pause/resume of new entries, its parameter form (grouped, saved through the API) and its change history. */
@Component({
  selector: 'mc-strategy-config-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, SettingsFormComponent, StrategyHistoryComponent, LoadStateComponent],
  templateUrl: './strategy-config-card.component.html',
})
export class StrategyConfigCardComponent implements OnInit {
  private readonly api = inject(StrategyApi);
  private readonly notifier = inject(Notifier);
  private readonly modals = inject(NgbModal);
  protected readonly auth = inject(AuthService);
  readonly initial = input.required<StrategyConfigResponse>();

  /** The config after the last save (starts as the listed one). */
  private readonly saved = signal<StrategyConfigResponse | null>(null);
  protected readonly config = computed(() => this.saved() ?? this.initial());
  protected readonly name = computed(() => strategyName(this.config().strategyType));
  protected readonly fields = computed(() => strategyFields(this.config().strategyType));
  /** The values the form shows: the stored parameters (entry filters are top-level fields too). */
  protected readonly values = computed(() => this.config().parameters);
  protected readonly saving = signal(false);
  protected readonly serverErrors = signal<Record<string, string[]>>({});
  protected readonly history = asyncResource(() => this.api.history(this.initial().id), { immediate: false });

  ngOnInit(): void {
    void this.history.reload();
  }

  /** Asks for a reason, then pauses or resumes new entries; the card shows the stored state. */
  protected togglePause(): void {
    const pause = !this.config().entriesPaused;
    const ref = this.modals.open(ReasonModalComponent, { backdrop: 'static', ariaLabelledBy: 'reason-modal-title' });
    (ref.componentInstance as ReasonModalComponent).config.set({
      title: `${pause ? 'Pause' : 'Resume'} new entries: ${this.name()}`,
      body: pause
        ? 'The strategy will not open a new position until resumed. Its open position keeps being monitored and exited by its rules.'
        : 'The strategy may enter again at its next entry time (today too, if the entry window is still open).',
      confirmLabel: pause ? 'Pause entries' : 'Resume entries',
      confirmTestId: 'pause-confirm',
      reasonTestId: 'pause-reason',
      action: async (reason) => {
        this.saved.set(await this.api.setEntriesPaused(this.config().id, pause, reason));
        this.notifier.success(`${this.name()}: entries ${pause ? 'paused' : 'resumed'}.`);
      },
    });
    ref.result.then(
      () => void this.history.reload(),
      () => undefined, // dismissed: nothing changed
    );
  }

  protected async save(changes: Record<string, unknown>): Promise<void> {
    this.saving.set(true);
    this.serverErrors.set({});
    try {
      this.saved.set(await this.api.updateParameters(this.config().id, changes));
      this.notifier.success(`${this.name()}: parameters saved.`);
      await this.history.reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        this.serverErrors.set(messagesByField(err.messages, this.fields().map((f) => f.key)));
      } else {
        this.serverErrors.set({ '': [messageOf(err)] });
      }
    } finally {
      this.saving.set(false);
    }
  }
}
