import { inject, Injectable } from '@angular/core';
import type { AlertChannelName, AlertChannelStatusResponse, AlertCooldownResponse, AlertDeliveryResponse, TelegramChatResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The routing of one channel, as PUT /api/alerts/channels/:channel takes it. */
export interface ChannelRouting {
  enabled: boolean;
  minSeverity: 'INFO' | 'WARNING' | 'CRITICAL';
  quietFrom: string | null;
  quietTo: string | null;
}

/** The alert channels: status, routing, test alerts, cooldowns, the Telegram allow-list, the delivery log. */
@Injectable({ providedIn: 'root' })
export class AlertChannelsApi {
  private readonly api = inject(ApiClient);

  channels(): Promise<AlertChannelStatusResponse[]> {
    return this.api.get<AlertChannelStatusResponse[]>('/alerts/channels');
  }

  updateChannel(channel: AlertChannelName, routing: ChannelRouting): Promise<AlertChannelStatusResponse> {
    return this.api.put<AlertChannelStatusResponse>(`/alerts/channels/${channel}`, routing);
  }

  sendTest(channel: AlertChannelName): Promise<{ alertId: number }> {
    return this.api.post<{ alertId: number }>(`/alerts/channels/${channel}/test`);
  }

  deliveries(limit = 50): Promise<AlertDeliveryResponse[]> {
    return this.api.get<AlertDeliveryResponse[]>('/alerts/deliveries', { limit });
  }

  cooldowns(): Promise<AlertCooldownResponse[]> {
    return this.api.get<AlertCooldownResponse[]>('/alerts/cooldowns');
  }

  updateCooldown(kind: string, cooldownSeconds: number): Promise<AlertCooldownResponse> {
    return this.api.put<AlertCooldownResponse>(`/alerts/cooldowns/${encodeURIComponent(kind)}`, { cooldownSeconds });
  }

  chats(): Promise<TelegramChatResponse[]> {
    return this.api.get<TelegramChatResponse[]>('/alerts/telegram-chats');
  }

  addChat(chat: { chatId: string; userId: number; label: string; receivesAlerts: boolean }): Promise<TelegramChatResponse> {
    return this.api.post<TelegramChatResponse>('/alerts/telegram-chats', chat);
  }

  removeChat(id: number): Promise<void> {
    return this.api.delete(`/alerts/telegram-chats/${id}`);
  }

  sendDailyReport(): Promise<{ tradeDate: string; alertId: number }> {
    return this.api.post<{ tradeDate: string; alertId: number }>('/analytics/daily-report/send');
  }
}
