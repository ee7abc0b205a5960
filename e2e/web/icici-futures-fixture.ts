import Database from 'better-sqlite3';

const ICICI = 'LLM_VALIDATED_FUTURES';

/** SQLite's UTC datetime text, as TypeORM writes it. */
const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** What the strategy stores on a validated candidate's card: score breakdown, OI, sector, technicals, the rules validator's verdict and passages. */
function card(underlying: string, direction: 'LONG' | 'SHORT', score: number) {
  return {
    candidate: {
      underlying,
      direction,
      score: { score, minimum: 65, components: { oi: 34, sector: 30, trend: 9, rsi: 5 } },
      openInterest: { signal: direction === 'LONG' ? 'LONG_BUILDUP' : 'SHORT_BUILDUP', confidence: 0.85, pcr: 0.62, oiChangePct: 6.1, priceChangePct: direction === 'LONG' ? 1.2 : -1.2 },
      sector: { index: 'NIFTY IT', verdict: direction === 'LONG' ? 'STRONG_BULLISH' : 'STRONG_BEARISH', perf3d: 1.1, perf7d: 2.4, perf21d: 4.9 },
      technicals: { rsi: 58.2, emaTrend: direction === 'LONG' ? 'UP' : 'DOWN', atrPct: 1.4, volumeRatio: 1.3 },
    },
    validation: {
      label: 'rules validator — no LLM configured',
      passed: true,
      reason: 'APPROVE at 0.81: every hard rule holds',
      verdict: { verdict: 'APPROVE', confidence: 0.81, direction, reasons: ['OI and sector agree'], risks: [], counterpoints: [] },
      passages: [{ id: 'decisions:1-contradictions-in-the-plan-settled:futures-averaging-attempts', text: 'Topic: Futures averaging attempts — Default 2, configurable up to 3.', source: { kind: 'DECISION', ref: 'DECISIONS.md §1', title: 'Futures averaging attempts' }, score: 3.2 }],
    },
  };
}

/**
 * Stores what the ICICI strategy leaves in the database, before the API boots (the e2e cannot
 * wait for the simulator to produce a candidate): two PENDING entry requests expiring at
 * `expiresAtMs` (approved and rejected from the page), and a closed INFY trade entered at 1600
 * under an approved request, averaged once at 1592 (approved), a second averaging declined,
 * stopped out at 1588 (−₹6,400), with the journal rows that link orders to requests. Returns
 * the closed position's id.
 */
export function seedIciciFutures(sqlitePath: string, opts: { marketDayMs: number; expiresAtMs: number }): { positionId: number; pending: string[] } {
  const db = new Database(sqlitePath);
  try {
    const account = (db.prepare(`SELECT id FROM broker_accounts WHERE broker = 'ICICI'`).get() as { id: number }).id;
    const at = (minutes: number) => sqlTime(opts.marketDayMs + minutes * 60_000);
    const insertApproval = db.prepare(
      `INSERT INTO approval_requests (request_ref, account_id, strategy_type, kind, status, summary, request, validator_label, requested_at, expires_at, decided_by, decided_at, reason) VALUES (?, ?, '${ICICI}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const entryRequest = (ref: string, underlying: string, direction: 'LONG' | 'SHORT', price: number, lotSize: number, expiry: string, score: number) => {
      const sign = direction === 'LONG' ? 1 : -1;
      const stop = Math.round(price * (1 - sign * 0.005) * 20) / 20;
      const target = Math.round(price * (1 + sign * 0.01) * 20) / 20;
      const summary = `ENTRY ${direction} 1 lot(s) ${underlying}-${expiry}-FUT @ ${price}, stop ${stop}, target ${target}`;
      const side = direction === 'LONG' ? 'BUY' : 'SELL';
      return {
        summary,
        request: {
          requestId: ref,
          kind: 'ENTRY',
          accountId: String(account),
          positionId: `${account}-IF-${ref}`,
          intent: { accountId: String(account), broker: 'ICICI', segment: 'NFO-FUT', instrument: { underlying, kind: 'FUT', expiry }, side, quantity: lotSize, orderType: 'LIMIT', limitPrice: price, purpose: 'ENTRY', reducesPosition: false, positionId: `${account}-IF-${ref}`, estimatedMarginPaise: 0, estimatedRiskPaise: 0, estimatedExposurePaise: 0 },
          direction,
          contract: `${underlying}-${expiry}-FUT`,
          lots: 1,
          lotSize,
          limitPrice: price,
          priceBand: { low: Math.round(price * 0.998 * 20) / 20, high: Math.round(price * 1.002 * 20) / 20 },
          stopLoss: stop,
          target,
          marginPaise: Math.round(price * lotSize * 0.18 * 100),
          riskPaise: Math.round(Math.abs(price - stop) * lotSize * 100),
          exposurePaise: Math.round(price * lotSize * 100),
          createdAtMs: opts.marketDayMs,
          expiresAtMs: opts.expiresAtMs,
          summary,
          ...card(underlying, direction, score),
          averaging: null,
        },
      };
    };
    const pending = [entryRequest('e2e-pending-tcs', 'TCS', 'SHORT', 1892.55, 175, '2026-03-30', 71.5), entryRequest('e2e-pending-hdfc', 'HDFCBANK', 'LONG', 1712.4, 550, '2026-03-30', 68)];
    for (const [i, p] of pending.entries()) {
      insertApproval.run(p.request.requestId, account, 'ENTRY', 'PENDING', p.summary, JSON.stringify(p.request), 'rules validator — no LLM configured', at(i), sqlTime(opts.expiresAtMs), null, null, null);
    }

    // The closed trade shown on the futures position page.
    const position = db
      .prepare(
        `INSERT INTO positions (account_id, strategy_type, status, direction, underlying, expiry_date, quantity, entry_price_paise, stop_loss_price_paise, target_price_paise, averaging_count, margin_used_paise, entry_value_paise, realized_pnl_paise, unrealized_pnl_paise, opened_at, closed_at, version) VALUES (?, '${ICICI}', 'CLOSED', 'LONG', 'INFY', '2026-03-30', 0, 160000, 158802, 161192, 1, 24000000, 127680000, -640000, 0, ?, ?, 1)`,
      )
      .run(account, at(-2 * 24 * 60), at(-2 * 24 * 60 + 300));
    const positionId = Number(position.lastInsertRowid);
    db.prepare(
      `INSERT INTO position_legs (position_id, trading_symbol, underlying, instrument_type, expiry_date, side, quantity, lot_size, avg_price_paise, last_price_paise, exit_price_paise, realized_pnl_paise, status, opened_at, closed_at) VALUES (?, 'INFY26MARFUT', 'INFY', 'FUT', '2026-03-30', 'BUY', 0, 400, 159600, 158800, 158800, -640000, 'CLOSED', ?, ?)`,
    ).run(positionId, at(-2 * 24 * 60), at(-2 * 24 * 60 + 300));
    const insertOrder = db.prepare(
      `INSERT INTO orders (client_order_id, account_id, position_id, strategy_type, exchange_segment, trading_symbol, underlying, instrument_type, expiry_date, side, order_type, quantity, limit_price_paise, purpose, status, filled_quantity, avg_fill_price_paise, is_paper, requires_approval, approved_by, approved_at, submitted_at, version) VALUES (?, ?, ?, '${ICICI}', 'NFO-FUT', 'INFY26MARFUT', 'INFY', 'FUT', '2026-03-30', ?, 'LIMIT', ?, ?, ?, 'FILLED', ?, ?, 1, ?, ?, ?, ?, 1)`,
    );
    const order = (id: string, side: string, quantity: number, pricePaise: number, purpose: string, minutes: number, approvedBy: string | null) =>
      insertOrder.run(id, account, positionId, side, quantity, pricePaise, purpose, quantity, pricePaise, approvedBy ? 1 : 0, approvedBy, approvedBy ? at(minutes) : null, at(minutes));
    const day = -2 * 24 * 60;
    order('ke2einfyentry000000', 'BUY', 400, 160000, 'ENTRY', day + 1, 'admin');
    order('ke2einfyaverage00000', 'BUY', 400, 159200, 'AVERAGE', day + 120, 'admin');
    order('ke2einfyexit0000000', 'SELL', 800, 158800, 'EXIT', day + 300, null);
    const infyEntry = entryRequest('e2e-infy-entry', 'INFY', 'LONG', 1600, 400, '2026-03-30', 78);
    insertApproval.run('e2e-infy-entry', account, 'ENTRY', 'APPROVED', infyEntry.summary, JSON.stringify(infyEntry.request), 'rules validator — no LLM configured', at(day), at(day + 10), 'admin', at(day + 1), null);
    const averaging = (ref: string, attempt: number, status: string, minutes: number, reason: string | null) => {
      const summary = `AVERAGE LONG 1 lot(s) INFY-2026-03-30-FUT (attempt ${attempt})`;
      const request = { requestId: ref, kind: 'AVERAGE', accountId: String(account), positionId: String(positionId), direction: 'LONG', contract: 'INFY-2026-03-30-FUT', lots: 1, lotSize: 400, summary, candidate: null, validation: null, averaging: { decision: { attempt }, averagePrice: 1600, openQuantity: 400 * attempt } };
      insertApproval.run(ref, account, 'AVERAGE', status, summary, JSON.stringify(request), null, at(minutes - 1), at(minutes + 9), 'admin', at(minutes), reason);
    };
    averaging('e2e-infy-avg-1', 1, 'APPROVED', day + 120, null);
    averaging('e2e-infy-avg-2', 2, 'REJECTED', day + 200, 'results on Thursday: no more size');
    const insertJournal = db.prepare(`INSERT INTO decision_journal (account_id, strategy_type, kind, decision, reason_code, reason, inputs, position_id, client_order_id, occurred_at) VALUES (?, '${ICICI}', ?, ?, ?, ?, ?, ?, ?, ?)`);
    insertJournal.run(account, 'ENTRY', 'ENTRY_SUBMITTED', 'APPROVED_BY_PERSON', 'entry sent', JSON.stringify({ request: { requestId: 'e2e-infy-entry' } }), null, 'ke2einfyentry000000', at(day + 1));
    insertJournal.run(account, 'AVERAGE', 'AVERAGE_SUBMITTED', 'APPROVED_BY_PERSON', 'averaging sent', JSON.stringify({ request: { requestId: 'e2e-infy-avg-1' } }), positionId, 'ke2einfyaverage00000', at(day + 120));
    insertJournal.run(account, 'EXIT', 'EXIT', 'STOP_LOSS_HIT', 'INFY 1588 reached the stop 1588.02', '{}', positionId, null, at(day + 299));
    return { positionId, pending: pending.map((p) => p.request.requestId) };
  } finally {
    db.close();
  }
}
