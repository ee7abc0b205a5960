/** How much an event can move the market; HIGH ones block strangle entries. */
export type EventImportanceCode = 'HIGH' | 'MEDIUM' | 'LOW';

/** An economic or market event as stored (GET/POST/PUT /api/events). Dates and times are IST. */
export interface EconomicEventResponse {
  id: number;
  title: string;
  importance: EventImportanceCode;
  /** IST date YYYY-MM-DD. */
  eventDate: string;
  /** IST HH:MM, when known. */
  eventTime: string | null;
  country: string;
  category: string | null;
  description: string | null;
  source: string | null;
}

/** Body of POST /api/events (PUT takes any subset). */
export interface EconomicEventRequest {
  title: string;
  importance: EventImportanceCode;
  eventDate: string;
  eventTime?: string | null;
  country?: string;
  category?: string | null;
  description?: string | null;
}
