import { Pipe, PipeTransform } from '@angular/core';

const FORMAT = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An option or futures price in paise as rupees with paise (₹120.50); '—' for null. */
@Pipe({ name: 'paisePrice' })
export class PaisePricePipe implements PipeTransform {
  transform(paise: number | null | undefined): string {
    return paise === null || paise === undefined ? '—' : FORMAT.format(paise / 100);
  }
}
