import { Pipe, PipeTransform } from '@angular/core';

const FORMAT = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });

/** Integer paise as Indian-grouped rupees (₹6,00,00,000); '—' for null. */
@Pipe({ name: 'rupees' })
export class RupeesPipe implements PipeTransform {
  transform(paise: number | null | undefined): string {
    return paise === null || paise === undefined ? '—' : FORMAT.format(paise / 100);
  }
}
