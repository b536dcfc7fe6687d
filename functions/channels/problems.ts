// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const channelsProblems = declareProblems({
  'sms-too-long': {
    status: 422,
    title: 'The text is longer than the segment limit',
    tr: 'Metin bölüm sınırından uzun',
  },
  'channel-unreachable': {
    status: 422,
    title: 'The customer cannot be reached on that channel',
    tr: 'Müşteriye bu kanaldan ulaşılamıyor',
  },
  'preference-changed': {
    status: 409,
    title: 'The channel preference changed meanwhile',
    tr: 'Kanal tercihi bu arada değişti',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof channelsProblems> {}
}
