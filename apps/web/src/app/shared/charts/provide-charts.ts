import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * ECharts for a charting page, loaded on first use (echarts/core with only the line chart
 * and its components): add to the page component's providers, never to the app config.
 */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) });
}
