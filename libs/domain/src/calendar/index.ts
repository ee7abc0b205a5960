export * from './calendar.types';
export * from './nse-holidays.data';
export * from './session-rules.data';
export * from './special-sessions.data';
export * from './expiry-rules.data';
export * from './nse-calendar';
export * from './expiry-selection';
