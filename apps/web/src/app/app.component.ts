import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * The console shell. The pages (dashboard, positions, orders, strategy, market, settings)
 * arrive with the web-console issue; until then it states what it is.
 */
@Component({
  selector: 'mc-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="shell">
      <h1>mCube</h1>
      <p>Console shell. The API runs in paper mode; its OpenAPI description is at <a href="/api/docs">/api/docs</a>.</p>
    </main>
  `,
  styles: [`.shell { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }`],
})
export class AppComponent {}
