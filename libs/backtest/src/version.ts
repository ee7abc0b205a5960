/** Version of the engine and of the report.json schema (bump `schema` when a field changes meaning). */
export const BACKTEST_VERSION = Object.freeze({ engine: '1.0.0', schema: 1 });
