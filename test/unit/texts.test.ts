// Tables of user-facing texts have one shape (`Texts`: each key in Turkish and English) and one lookup.
import { describe, expect, it } from 'vitest';
import { orderStatuses } from '../../functions/order-routing/domain/lifecycle.js';
import { statusNames as orderStatusNames } from '../../functions/order-routing/templates/customer-notice.js';
import { quoteLifecycle } from '../../functions/quote-approval/domain/lifecycle.js';
import { statusNames as quoteStatusNames } from '../../functions/quote-approval/templates/quote-view.js';
import { languages } from '../../shared/language.js';
import { type Texts, textOf } from '../../shared/messages.js';

describe('texts', () => {
  it('reads a key in the language asked for', () => {
    const table: Texts<'yes' | 'no'> = { yes: { tr: 'Evet', en: 'Yes' }, no: { tr: 'Hayır', en: 'No' } };
    expect(textOf(table, 'yes', 'tr')).toBe('Evet');
    expect(textOf(table, 'no', 'en')).toBe('No');
    expect(textOf(orderStatusNames, 'shipped', 'tr')).toBe('kargoya verildi');
    expect(textOf(quoteStatusNames, 'pending_approval', 'en')).toBe('awaiting approval');
  });

  it('names every order and quote status in both languages', () => {
    const tables: [Texts<string>, readonly string[]][] = [
      [orderStatusNames, orderStatuses],
      [quoteStatusNames, quoteLifecycle.states],
    ];
    for (const [table, keys] of tables) {
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
      for (const key of keys) for (const language of languages) expect(textOf(table, key, language)).not.toBe('');
    }
  });
});
