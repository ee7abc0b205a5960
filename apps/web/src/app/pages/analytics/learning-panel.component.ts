import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { LearningSuggestionResponse } from '@mcube/contracts';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { AnalyticsApi } from './analytics.api';

/**
 * The learning loop: the week's insight, suggestions with their evidence (a trader accepts one
 * into the strategy's parameters, audited, or dismisses it; nothing changes on its own) and the
 * statistics of every pattern with its sample size.
 */
@Component({
  selector: 'mc-learning-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStateComponent, RupeesPipe, PercentPipe, DecimalPipe],
  templateUrl: './learning-panel.component.html',
})
export class LearningPanelComponent {
  private readonly api = inject(AnalyticsApi);
  private readonly notifier = inject(Notifier);
  protected readonly canWrite = inject(AuthService).canWrite;
  protected readonly learning = asyncResource(() => this.api.learning());
  protected readonly busy = signal<number | null>(null);
  protected readonly showAll = signal(false);

  protected async decide(s: LearningSuggestionResponse, how: 'accept' | 'dismiss'): Promise<void> {
    this.busy.set(s.id);
    try {
      await (how === 'accept' ? this.api.accept(s.id) : this.api.dismiss(s.id));
      this.notifier.success(how === 'accept' ? `${s.parameter} set to ${s.suggestedValue} (audited)` : 'Suggestion dismissed');
      await this.learning.reload();
    } catch (err) {
      this.notifier.error(messageOf(err));
    } finally {
      this.busy.set(null);
    }
  }
}
