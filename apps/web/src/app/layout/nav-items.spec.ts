import { NAV_ITEMS, navItemsFor } from './nav-items';

describe('the main menu', () => {
  it('lists the audit log for an admin only', () => {
    expect(navItemsFor(true).map((i) => i.path)).toContain('/audit');
    expect(navItemsFor(false).map((i) => i.path)).not.toContain('/audit');
    // Everything else is the same for every role.
    expect(navItemsFor(false)).toEqual(NAV_ITEMS.filter((i) => i.path !== '/audit'));
  });
});
