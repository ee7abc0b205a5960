import type { AlertChannel, AlertChannelName } from '@mcube/domain';

/** DI token of the configured channels (`AlertChannelRegistry`); tests replace it. */
export const ALERT_CHANNELS = Symbol('mcube:alert-channels');

/** The channels that have credentials; a channel absent here is "not configured". */
export class AlertChannelRegistry {
  private readonly byName = new Map<AlertChannelName, AlertChannel>();

  constructor(channels: readonly AlertChannel[] = []) {
    for (const c of channels) this.byName.set(c.name, c);
  }

  get(name: AlertChannelName): AlertChannel | undefined {
    return this.byName.get(name);
  }

  has(name: AlertChannelName): boolean {
    return this.byName.has(name);
  }

  names(): AlertChannelName[] {
    return [...this.byName.keys()];
  }
}
