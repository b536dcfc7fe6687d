// Opportunity domain: the stages and their moves, default and overridden probabilities, the
// weighted forecast with its minor-unit rounding, TRY totals, and the cost analysis of its quotes.
import { describe, expect, it } from 'vitest';
import { costAnalysis, type QuotedFigures } from '../../functions/opportunities/domain/cost-analysis.js';
import { type Forecastable, pipelineOf, weighted } from '../../functions/opportunities/domain/forecast.js';
import {
  defaultProbability,
  lostReasonOf,
  movesFrom,
  openStages,
  probabilityAfterMove,
  refuseClosed,
  targetOf,
} from '../../functions/opportunities/domain/stages.js';
import { convert, type Money, money } from '../../shared/money.js';

const try_ = (amount: number) => money(amount, 'TRY');

describe('stages', () => {
  it('advances one stage at a time up to negotiation, and goes back one stage', () => {
    expect(targetOf('prospecting', 'advance')).toBe('needs-analysis');
    expect(targetOf('needs-analysis', 'advance')).toBe('proposal');
    expect(targetOf('proposal', 'advance')).toBe('negotiation');
    expect(targetOf('negotiation', 'back')).toBe('proposal');
    expect(targetOf('needs-analysis', 'back')).toBe('prospecting');
  });

  it('refuses advancing past negotiation and going back from prospecting, naming what is allowed', () => {
    expect(() => targetOf('negotiation', 'advance')).toThrow(
      expect.objectContaining({ code: 'illegal-transition', status: 409 }),
    );
    expect(() => targetOf('negotiation', 'advance')).toThrow(/"back" or "win" or "lose"/);
    expect(() => targetOf('prospecting', 'back')).toThrow(/"advance" or "win" or "lose"/);
  });

  it('wins or loses from any open stage; won and lost are final', () => {
    for (const stage of openStages) {
      expect(targetOf(stage, 'win')).toBe('won');
      expect(targetOf(stage, 'lose')).toBe('lost');
    }
    for (const closed of ['won', 'lost'] as const) {
      for (const action of ['advance', 'back', 'win', 'lose'] as const) {
        expect(() => targetOf(closed, action)).toThrow(expect.objectContaining({ code: 'illegal-transition' }));
      }
      expect(movesFrom(closed)).toEqual([]);
      expect(() => refuseClosed(closed)).toThrow(expect.objectContaining({ code: 'illegal-transition' }));
    }
    expect(() => refuseClosed('proposal')).not.toThrow();
    expect(movesFrom('prospecting')).toEqual(['advance', 'win', 'lose']);
    expect(movesFrom('negotiation')).toEqual(['back', 'win', 'lose']);
  });

  it('gives each stage its default probability, rising with the stage; won is 100 and lost 0', () => {
    const open = openStages.map((stage) => defaultProbability[stage]);
    expect(open).toEqual([...open].sort((a, b) => a - b));
    expect(new Set(open).size).toBe(open.length);
    expect(probabilityAfterMove('won')).toBe(100);
    expect(probabilityAfterMove('lost')).toBe(0);
    expect(probabilityAfterMove('proposal')).toBe(defaultProbability.proposal);
  });

  it('needs a reason to lose, trimmed', () => {
    expect(lostReasonOf('  Fiyat yüksek bulundu ')).toBe('Fiyat yüksek bulundu');
    expect(() => lostReasonOf('   ')).toThrow(
      expect.objectContaining({ code: 'validation-failed', errors: [expect.objectContaining({ path: 'lostReason' })] }),
    );
    expect(() => lostReasonOf(undefined)).toThrow(expect.objectContaining({ code: 'validation-failed' }));
  });
});

describe('weighted forecast', () => {
  it('rounds each weighted amount half up to the minor unit', () => {
    expect(weighted(try_(1_000_05), 50)).toEqual(try_(50_003)); // 50002.5 → 50003
    expect(weighted(try_(1_000_03), 50)).toEqual(try_(50_002)); // 50001.5 → 50002
    expect(weighted(try_(1), 49)).toEqual(try_(0));
    expect(weighted(try_(1), 50)).toEqual(try_(1));
    expect(weighted(money(999, 'JPY'), 75)).toEqual(money(749, 'JPY')); // 749.25
    expect(weighted(try_(123_456), 100)).toEqual(try_(123_456));
    expect(weighted(try_(123_456), 0)).toEqual(try_(0));
  });

  const opp = (ownerId: string, status: Forecastable['status'], amount: Money, probability: number): Forecastable => ({
    ownerId,
    status,
    amount,
    probability,
  });
  const eurToTry = (m: Money) =>
    m.currency === 'TRY' ? m : m.currency === 'EUR' ? convert(m, '35.5', 'TRY') : undefined;

  it('sums per owner and stage and per stage, weighting each opportunity on its own', () => {
    const pipeline = pipelineOf(
      [
        opp('rep-a', 'proposal', try_(3), 50), // 1.5 → 2
        opp('rep-a', 'proposal', try_(3), 50), // 1.5 → 2 (summed after rounding: 4, not 3)
        opp('rep-b', 'proposal', money(10_000, 'EUR'), 50),
        opp('rep-b', 'prospecting', try_(100_000), 10),
      ],
      openStages,
      eurToTry,
    );
    expect(pipeline.rows).toEqual([
      {
        ownerId: 'rep-a',
        stage: 'proposal',
        count: 2,
        byCurrency: [{ currency: 'TRY', amount: 6, weighted: 4 }],
        amountTry: 6,
        weightedTry: 4,
      },
      {
        ownerId: 'rep-b',
        stage: 'prospecting',
        count: 1,
        byCurrency: [{ currency: 'TRY', amount: 100_000, weighted: 10_000 }],
        amountTry: 100_000,
        weightedTry: 10_000,
      },
      {
        ownerId: 'rep-b',
        stage: 'proposal',
        count: 1,
        byCurrency: [{ currency: 'EUR', amount: 10_000, weighted: 5_000 }],
        amountTry: 355_000,
        weightedTry: 177_500,
      },
    ]);
    expect(pipeline.byStage.map((s) => s.stage)).toEqual(['prospecting', 'proposal']);
    expect(pipeline.byStage[1]).toMatchObject({
      count: 3,
      byCurrency: [
        { currency: 'EUR', amount: 10_000, weighted: 5_000 },
        { currency: 'TRY', amount: 6, weighted: 4 },
      ],
      amountTry: 355_006,
      weightedTry: 177_504,
    });
    expect(pipeline.total).toMatchObject({ count: 4, amountTry: 455_006, weightedTry: 187_504 });
    expect(pipeline.unconverted).toEqual([]);
  });

  it('leaves a currency without a rate out of the TRY totals and names it', () => {
    const pipeline = pipelineOf(
      [opp('rep-a', 'negotiation', money(500, 'CHF'), 75), opp('rep-a', 'negotiation', try_(1_000), 75)],
      openStages,
      eurToTry,
    );
    expect(pipeline.unconverted).toEqual(['CHF']);
    expect(pipeline.total.byCurrency).toEqual([
      { currency: 'CHF', amount: 500, weighted: 375 },
      { currency: 'TRY', amount: 1_000, weighted: 750 },
    ]);
    expect(pipeline.total.amountTry).toBeUndefined();
    expect(pipeline.total.weightedTry).toBeUndefined();
  });

  it('is empty without opportunities', () => {
    expect(pipelineOf([], openStages, eurToTry)).toEqual({
      rows: [],
      byStage: [],
      total: { count: 0, byCurrency: [], amountTry: 0, weightedTry: 0 },
      unconverted: [],
    });
  });
});

describe('cost analysis', () => {
  const quote = (
    quoteId: string,
    status: string,
    net: number,
    cost: number,
    currency = 'TRY',
    rateToTry = '1',
  ): QuotedFigures => ({
    quoteId,
    status,
    version: 1,
    currency,
    totals: {
      netTotal: money(net, currency),
      costTotal: money(cost, currency),
      margin: money(net - cost, currency),
      marginBp: Math.round(((net - cost) * 10_000) / net),
    },
    netTotalTry: convert(money(net, currency), rateToTry, 'TRY'),
    rateToTry,
  });

  it('counts the quotes still in play until one is accepted, in TRY at each quote’s own rate', () => {
    const analysis = costAnalysis([
      quote('q1', 'sent', 100_000, 60_000),
      quote('q2', 'declined', 90_000, 60_000),
      quote('q3', 'draft', 1_000, 800, 'EUR', '35.5'),
    ]);
    expect(analysis.basis).toBe('in-play');
    expect(analysis.quotes.find((q) => q.quoteId === 'q3')).toMatchObject({
      netTotalTry: try_(35_500),
      costTotalTry: try_(28_400),
      marginTry: try_(7_100),
    });
    expect(analysis.total).toEqual({
      netTotalTry: try_(135_500),
      costTotalTry: try_(88_400),
      marginTry: try_(47_100),
      marginBp: 3476,
    });
  });

  it('counts only the accepted quotes once one is accepted', () => {
    const analysis = costAnalysis([quote('q1', 'accepted', 100_000, 75_000), quote('q2', 'sent', 500_000, 100_000)]);
    expect(analysis.basis).toBe('accepted');
    expect(analysis.total).toEqual({
      netTotalTry: try_(100_000),
      costTotalTry: try_(75_000),
      marginTry: try_(25_000),
      marginBp: 2500,
    });
  });

  it('is zero with no quotes', () => {
    expect(costAnalysis([]).total).toEqual({
      netTotalTry: try_(0),
      costTotalTry: try_(0),
      marginTry: try_(0),
      marginBp: 0,
    });
  });
});
