import { formatPaise } from '@mcube/domain';

/** ₹ with Indian grouping, whole rupees ('₹1,23,456'); '-' for null. */
export function rupees(paise: number | null | undefined): string {
  if (paise === null || paise === undefined) return '-';
  return formatPaise(Math.round(paise / 100) * 100).replace(/\.00$/, '');
}

/** A fraction as a percentage with one decimal ('63.5%'). */
export const pct = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

/** A number or '-' for null, with `digits` decimals. */
export const num = (v: number | null, digits = 2): string => (v === null ? '-' : v.toFixed(digits));
