import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ToastsComponent } from './layout/toasts.component';

/** The root: the router outlet (login page or the shell with its pages) and the toasts, shown on every page. */
@Component({
  selector: 'mc-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, ToastsComponent],
  template: `<router-outlet /><mc-toasts />`,
})
export class AppComponent {}
