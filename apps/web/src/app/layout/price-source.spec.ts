import { configuredPriceNotice } from './price-source';

describe("the status bar's notice that the console's prices are the configured source's", () => {
  const paper = { broker: 'KOTAK', isPaperTrading: true };
  const liveKotak = { broker: 'KOTAK', isPaperTrading: false };
  const liveIcici = { broker: 'ICICI', isPaperTrading: false };

  it('says nothing while every account is on PAPER (the SIM badge says it) or before the clock is read', () => {
    expect(configuredPriceNotice('sim', [paper, { broker: 'ICICI', isPaperTrading: true }])).toBeNull();
    expect(configuredPriceNotice(undefined, [liveKotak])).toBeNull();
  });

  it("names the configured source and each LIVE account's broker once", () => {
    expect(configuredPriceNotice('sim', [paper, liveKotak])).toBe(
      "NIFTY, VIX and the market pages show the simulator's prices, not Kotak Neo's: LIVE orders, marks and exits are priced on the broker's own quotes.",
    );
    expect(configuredPriceNotice('replay', [liveKotak, liveIcici, { ...liveKotak }])).toBe(
      "NIFTY, VIX and the market pages show the historical replay's prices, not Kotak Neo or ICICI Breeze's: LIVE orders, marks and exits are priced on the broker's own quotes.",
    );
  });
});
