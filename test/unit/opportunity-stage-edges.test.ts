// Stage refusals in both languages, which the main opportunity tests read only in English and only
// for an open stage: what a closed opportunity says, the middle stages' moves, and the lost reason.
import { describe, expect, it } from 'vitest';
import { lostReasonOf, movesFrom, refuseClosed, targetOf } from '../../functions/opportunities/domain/stages.js';
import { refusal } from '../support/refusals.js';

describe('stage moves', () => {
  it('lets a middle stage advance, go back, win or lose', () => {
    expect(movesFrom('needs-analysis')).toEqual(['advance', 'back', 'win', 'lose']);
    expect(movesFrom('proposal')).toEqual(['advance', 'back', 'win', 'lose']);
    expect(targetOf('proposal', 'back')).toBe('needs-analysis');
  });

  it('refuses advancing the last open stage in both languages, naming the other moves', () => {
    expect(refusal(() => targetOf('negotiation', 'advance')).detail).toEqual({
      en: 'A negotiation opportunity cannot advance; it can take "back" or "win" or "lose".',
      tr: '"Pazarlık" aşamasındaki fırsat ilerleyemez; atabileceği adımlar: "geri gitme" veya "kazanma" veya "kaybetme".',
    });
    expect(refusal(() => targetOf('prospecting', 'back')).detail).toEqual({
      en: 'A prospecting opportunity cannot go back; it can take "advance" or "win" or "lose".',
      tr: '"Ön görüşme" aşamasındaki fırsat geri gidemez; atabileceği adımlar: "ilerleme" veya "kazanma" veya "kaybetme".',
    });
  });

  it('says a closed opportunity can take no action, in both languages', () => {
    expect(refusal(() => targetOf('won', 'advance'))).toMatchObject({
      status: 409,
      code: 'illegal-transition',
      detail: {
        en: 'A won opportunity cannot advance; it can take no action.',
        tr: '"Kazanıldı" aşamasındaki fırsat ilerleyemez; hiçbir adım atamaz.',
      },
    });
    expect(refusal(() => targetOf('lost', 'back')).detail).toEqual({
      en: 'A lost opportunity cannot go back; it can take no action.',
      tr: '"Kaybedildi" aşamasındaki fırsat geri gidemez; hiçbir adım atamaz.',
    });
  });

  it('refuses any change to a closed opportunity, naming its stage in both languages', () => {
    expect(refusal(() => refuseClosed('lost'))).toMatchObject({
      status: 409,
      code: 'illegal-transition',
      detail: {
        en: 'A lost opportunity is closed; it can take no change.',
        tr: '"Kaybedildi" durumundaki fırsat kapandı; değiştirilemez.',
      },
    });
  });

  it('names the lost reason field in both languages when it is missing', () => {
    expect(refusal(() => lostReasonOf(''))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [['lostReason', 'Say why the opportunity was lost.', 'Fırsatın neden kaybedildiğini yazın.']],
    });
  });
});
