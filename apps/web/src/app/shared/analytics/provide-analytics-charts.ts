import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/** ECharts with the analytics report's chart types, loaded on first use (the report component provides it itself). */
export function provideAnalyticsCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./analytics-echarts-setup').then((m) => m.echarts) });
}
