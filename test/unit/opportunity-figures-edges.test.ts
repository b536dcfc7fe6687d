// Opportunity figures the main tests never asked for: every status out of play, a quote's whole
// cost row, owners sorted and stages in the order given, and a pipeline counting only present stages.
import { describe, expect, it } from 'vitest';
import { costAnalysis, type QuotedFigures, quoteCost } from '../../functions/opportunities/domain/cost-analysis.js';
import { type Forecastable, pipelineOf } from '../../functions/opportunities/domain/forecast.js';
import { money } from '../../shared/money.js';

const try_ = (amount: number) => money(amount, 'TRY');
const quote = (quoteId: string, status: string, net: number, cost: number): QuotedFigures => ({
  quoteId,
  status,
  version: 2,
  currency: 'EUR',
  totals: { netTotal: money(net, 'EUR'), costTotal: money(cost, 'EUR'), margin: money(net - cost, 'EUR'), marginBp: 0 },
  netTotalTry: try_(net * 40),
  rateToTry: '40',
});

describe('cost analysis', () => {
  it('keeps a quote’s own figures beside their TRY at its own rate', () => {
    expect(
      quoteCost({
        ...quote('q1', 'sent', 1_000, 600),
        totals: { ...quote('q1', 'sent', 1_000, 600).totals, marginBp: 4000 },
      }),
    ).toEqual({
      quoteId: 'q1',
      status: 'sent',
      version: 2,
      netTotal: money(1_000, 'EUR'),
      costTotal: money(600, 'EUR'),
      margin: money(400, 'EUR'),
      marginBp: 4000,
      netTotalTry: try_(40_000),
      costTotalTry: try_(24_000),
      marginTry: try_(16_000),
    });
  });

  it('leaves declined, rejected and expired quotes out of the total while none is accepted', () => {
    const analysis = costAnalysis([
      quote('q1', 'declined', 1_000, 500),
      quote('q2', 'rejected', 1_000, 500),
      quote('q3', 'expired', 1_000, 500),
      quote('q4', 'approved', 100, 75),
    ]);
    expect(analysis.basis).toBe('in-play');
    expect(analysis.quotes.map((q) => q.quoteId)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(analysis.total).toEqual({
      netTotalTry: try_(4_000),
      costTotalTry: try_(3_000),
      marginTry: try_(1_000),
      marginBp: 2500,
    });
  });
});

describe('the pipeline', () => {
  const opp = (ownerId: string, status: Forecastable['status'], amount: number): Forecastable => ({
    ownerId,
    status,
    amount: try_(amount),
    probability: 50,
  });

  it('sorts owners, follows the stage order given, and leaves out stages with no opportunity', () => {
    const pipeline = pipelineOf(
      [opp('rep-z', 'proposal', 100), opp('rep-a', 'negotiation', 200), opp('rep-a', 'proposal', 300)],
      ['negotiation', 'proposal', 'prospecting'],
      (m) => m,
    );
    expect(pipeline.rows.map((r) => [r.ownerId, r.stage, r.count, r.amountTry])).toEqual([
      ['rep-a', 'negotiation', 1, 200],
      ['rep-a', 'proposal', 1, 300],
      ['rep-z', 'proposal', 1, 100],
    ]);
    expect(pipeline.byStage.map((s) => [s.stage, s.count, s.weightedTry])).toEqual([
      ['negotiation', 1, 100],
      ['proposal', 2, 200],
    ]);
  });
});
