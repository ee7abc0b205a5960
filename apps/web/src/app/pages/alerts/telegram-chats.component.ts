import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { messageOf } from '../../core/api/api-error';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { AlertChannelsApi } from './alerts.api';

/** The bot's allow-list: each chat bound to a user whose role its commands get (admins add and remove). */
@Component({
  selector: 'mc-telegram-chats',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, LoadStateComponent],
  template: `
    <mc-load-state [loading]="chats.loading()" [error]="chats.error()" what="Telegram chats" (retry)="chats.reload()" />
    <div class="table-responsive" tabindex="0" role="region" aria-label="Telegram chats">
      <table class="table table-sm align-middle small" data-testid="telegram-chats">
        <thead><tr><th>Chat id</th><th>Label</th><th>User</th><th>Role</th><th>Alerts</th>@if (admin()) { <th></th> }</tr></thead>
        <tbody>
          @for (c of chats.value() ?? []; track c.id) {
            <tr>
              <td><code>{{ c.chatId }}</code></td><td>{{ c.label }}</td><td>{{ c.username }}</td><td>{{ c.role }}</td><td>{{ c.receivesAlerts ? 'yes' : 'no' }}</td>
              @if (admin()) { <td class="text-end"><button type="button" class="btn btn-sm btn-outline-danger" (click)="remove(c.id, c.chatId)">Remove</button></td> }
            </tr>
          } @empty {
            <tr><td colspan="6" class="text-secondary">No chat allowed yet: the bot refuses everyone.</td></tr>
          }
        </tbody>
      </table>
    </div>
    @if (admin()) {
      <form [formGroup]="form" (submit)="$event.preventDefault(); add()" class="row g-2 align-items-end" novalidate>
        <div class="col-6 col-md-3"><label class="form-label small mb-0" for="tg-chat">Chat id</label><input id="tg-chat" class="form-control form-control-sm" formControlName="chatId" placeholder="123456789" /></div>
        <div class="col-6 col-md-3"><label class="form-label small mb-0" for="tg-label">Label</label><input id="tg-label" class="form-control form-control-sm" formControlName="label" placeholder="my phone" /></div>
        <div class="col-6 col-md-2"><label class="form-label small mb-0" for="tg-user">User id</label><input id="tg-user" type="number" class="form-control form-control-sm" formControlName="userId" /></div>
        <div class="col-6 col-md-2 form-check ms-2"><input id="tg-alerts" type="checkbox" class="form-check-input" formControlName="receivesAlerts" /><label class="form-check-label small" for="tg-alerts">Gets alerts</label></div>
        <div class="col-12 col-md-auto"><button type="submit" class="btn btn-sm btn-primary">Allow chat</button></div>
        @if (error()) { <div class="col-12 small text-danger" role="alert">{{ error() }}</div> }
        <p class="col-12 small text-secondary mb-0">An unknown chat that writes to the bot is refused and shows up in the audit log with its chat id.</p>
      </form>
    }
  `,
})
export class TelegramChatsComponent {
  private readonly api = inject(AlertChannelsApi);
  private readonly notifier = inject(Notifier);
  readonly admin = input(false);
  protected readonly chats = asyncResource(() => this.api.chats());
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    chatId: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^-?\d{1,20}$/)] }),
    label: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[\w .,:;()'/-]{1,100}$/)] }),
    userId: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(1)] }),
    receivesAlerts: new FormControl(true, { nonNullable: true }),
  });

  protected async add(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.error.set('A numeric chat id, a plain label and a user id are needed.');
      return;
    }
    const v = this.form.getRawValue();
    try {
      this.error.set(null);
      await this.api.addChat({ chatId: v.chatId, label: v.label, userId: Number(v.userId), receivesAlerts: v.receivesAlerts });
      this.form.reset({ chatId: '', label: '', userId: null, receivesAlerts: true });
      await this.chats.reload();
    } catch (err) {
      this.error.set(messageOf(err));
    }
  }

  protected async remove(id: number, chatId: string): Promise<void> {
    if (!confirm(`Remove chat ${chatId} from the allow-list? Its commands are refused at once.`)) return;
    try {
      await this.api.removeChat(id);
      await this.chats.reload();
    } catch (err) {
      this.notifier.error(messageOf(err));
    }
  }
}
