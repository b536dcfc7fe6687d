// An opportunity's stages: prospecting → needs-analysis → proposal → negotiation, then won or lost.
// An open opportunity may step forward, or back one stage (a proposal sent back for more analysis);
// won and lost are final, so a late event or a stale screen cannot reopen a closed sale.
import { defineLifecycle, IllegalTransitionError } from '../../../shared/lifecycle.js';
import { ValidationError } from '../../../shared/problems.js';

export const openStages = ['prospecting', 'needs-analysis', 'proposal', 'negotiation'] as const;
export const stages = [...openStages, 'won', 'lost'] as const;
export type Stage = (typeof stages)[number];
export type OpenStage = (typeof openStages)[number];

export const isOpen = (stage: Stage): stage is OpenStage => (openStages as readonly Stage[]).includes(stage);

const open = [...openStages];

export const opportunityLifecycle = defineLifecycle({
  name: 'opportunity',
  states: stages,
  actions: {
    analyse: { from: ['prospecting'], to: 'needs-analysis' },
    propose: { from: ['needs-analysis'], to: 'proposal' },
    negotiate: { from: ['proposal'], to: 'negotiation' },
    reopenProspecting: { from: ['needs-analysis'], to: 'prospecting' },
    reopenAnalysis: { from: ['proposal'], to: 'needs-analysis' },
    reopenProposal: { from: ['negotiation'], to: 'proposal' },
    win: { from: open, to: 'won' },
    lose: { from: open, to: 'lost' },
  },
  tr: {
    record: 'fırsat',
    states: {
      prospecting: 'Ön görüşme',
      'needs-analysis': 'İhtiyaç analizi',
      proposal: 'Teklif',
      negotiation: 'Pazarlık',
      won: 'Kazanıldı',
      lost: 'Kaybedildi',
    },
    actions: {
      analyse: 'ihtiyaç analizine geçme',
      propose: 'teklife geçme',
      negotiate: 'pazarlığa geçme',
      reopenProspecting: 'ön görüşmeye dönme',
      reopenAnalysis: 'ihtiyaç analizine dönme',
      reopenProposal: 'teklife dönme',
      win: 'kazanma',
      lose: 'kaybetme',
    },
  },
});

/** What the API calls a move: forward one stage, back one stage, win, lose. */
export const stageActions = ['advance', 'back', 'win', 'lose'] as const;
export type StageAction = (typeof stageActions)[number];
/** The moves as a Turkish reader meets them. */
const stageWords: Record<StageAction, string> = {
  advance: 'ilerleme',
  back: 'geri gitme',
  win: 'kazanma',
  lose: 'kaybetme',
};

/** The stage `action` leads to from `stage`, or a 409 naming the moves the stage allows. */
export const targetOf = (stage: Stage, action: StageAction): Stage => {
  if (action === 'win') return opportunityLifecycle.apply(stage, 'win');
  if (action === 'lose') return opportunityLifecycle.apply(stage, 'lose');
  const index = isOpen(stage) ? openStages.indexOf(stage) + (action === 'advance' ? 1 : -1) : -1;
  const target = openStages[index];
  if (!target) {
    const allowed = stageActions.filter((a) => a !== action && movesFrom(stage).includes(a));
    const quoted = (or: string, say: (a: StageAction) => string) => allowed.map((a) => `"${say(a)}"`).join(` ${or} `);
    throw new IllegalTransitionError({
      en: `A ${stage} opportunity cannot ${action === 'advance' ? 'advance' : 'go back'}; ${allowed.length ? `it can take ${quoted('or', (a) => a)}` : 'it can take no action'}.`,
      tr: `"${opportunityLifecycle.tr.states[stage]}" aşamasındaki fırsat ${action === 'advance' ? 'ilerleyemez' : 'geri gidemez'}; ${allowed.length ? `atabileceği adımlar: ${quoted('veya', (a) => stageWords[a])}` : 'hiçbir adım atamaz'}.`,
    });
  }
  // The lifecycle is the one table of moves: a target it does not list is refused there too.
  opportunityLifecycle.actionTo(stage, target);
  return target;
};

/** The API's moves a stage allows, for the view (`advance`, `back`, `win`, `lose`). */
export const movesFrom = (stage: Stage): StageAction[] => {
  if (!isOpen(stage)) return [];
  const i = openStages.indexOf(stage);
  return [
    ...(i < openStages.length - 1 ? ['advance' as const] : []),
    ...(i > 0 ? ['back' as const] : []),
    'win',
    'lose',
  ];
};

/** The probability a stage carries unless the owner says otherwise (percent). */
export const defaultProbability: Record<Stage, number> = {
  prospecting: 10,
  'needs-analysis': 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

/**
 * The probability after a move: a new stage brings its default (an override was the owner's view
 * of the old stage); won is certain and lost is nothing, whatever was set.
 */
export const probabilityAfterMove = (to: Stage) => defaultProbability[to];

/** A won or lost opportunity keeps its figures and its quotes: a 409 for any change. */
export const refuseClosed = (stage: Stage) => {
  if (!isOpen(stage)) {
    throw new IllegalTransitionError({
      en: `A ${stage} opportunity is closed; it can take no change.`,
      tr: `"${opportunityLifecycle.tr.states[stage]}" durumundaki fırsat kapandı; değiştirilemez.`,
    });
  }
};

/** The field message of a lost opportunity without its reason (the request schema says it too). */
export const sayWhyLost = { en: 'Say why the opportunity was lost.', tr: 'Fırsatın neden kaybedildiğini yazın.' };

/** A lost opportunity says why; the reason is trimmed and required. */
export const lostReasonOf = (reason: string | undefined) => {
  const trimmed = reason?.trim();
  if (!trimmed) throw new ValidationError([{ path: 'lostReason', message: sayWhyLost }]);
  return trimmed;
};
