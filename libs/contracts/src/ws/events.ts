/** Path of the console's WebSocket (same origin, session cookie). */
export const WS_PATH = '/ws';

/** Close codes the server uses (4000-4999 are application codes). */
export const WS_CLOSE = {
  /** No valid session cookie or API key on the upgrade request. */
  UNAUTHENTICATED: 4401,
  /** The Origin header is not the API's own origin nor an allowed CORS origin. */
  FORBIDDEN_ORIGIN: 4403,
} as const;

/** `market.tick`: a new last price of an index or instrument (at most one per symbol per second). */
export interface MarketTickEvent {
  symbol: string;
  lastPrice: number;
  /** lastPrice − previous close, rupees/points; null without a previous close. */
  change: number | null;
  asOfMs: number;
}

/** `market.chain`: a new option-chain snapshot's summary. */
export interface MarketChainEvent {
  underlying: string;
  /** IST date. */
  expiry: string;
  pcr: number | null;
  maxPain: number | null;
  asOfMs: number;
}

/** Every server→client event by name; later issues add orders, positions and alerts here. */
export interface WsEventMap {
  'market.tick': MarketTickEvent;
  'market.chain': MarketChainEvent;
}

/** The name of a server→client event. */
export type WsEventName = keyof WsEventMap;

/** A message as sent on the socket: JSON `{ event, data }`. */
export type WsMessage<E extends WsEventName = WsEventName> = { [K in E]: { event: K; data: WsEventMap[K] } }[E];
