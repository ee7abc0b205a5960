import { Injectable, signal } from '@angular/core';

/** One message shown as a toast. */
export interface Notice {
  id: number;
  kind: 'success' | 'warning' | 'danger';
  text: string;
}

/** How long a toast stays, ms. */
const TOAST_MS = 8000;

/** Toast messages for the shell to show; each disappears on its own after a few seconds. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private nextId = 1;
  readonly notices = signal<readonly Notice[]>([]);

  success(text: string): void {
    this.push('success', text);
  }

  warn(text: string): void {
    this.push('warning', text);
  }

  error(text: string): void {
    this.push('danger', text);
  }

  dismiss(id: number): void {
    this.notices.update((list) => list.filter((n) => n.id !== id));
  }

  private push(kind: Notice['kind'], text: string): void {
    // The same text twice in a row (e.g. several calls failing together) is shown once.
    if (this.notices().some((n) => n.text === text)) return;
    const id = this.nextId++;
    this.notices.update((list) => [...list.slice(-3), { id, kind, text }]);
    setTimeout(() => this.dismiss(id), TOAST_MS);
  }
}
