// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const campaignsProblems = declareProblems({
  'campaign-changed': { status: 409, title: 'The campaign changed meanwhile', tr: 'Kampanya bu arada değişti' },
  'sending-paused-reputation': {
    status: 409,
    title: "Sending is paused: the account's bounce or complaint rate is at SES's review threshold",
    tr: 'Gönderim durduruldu: hesabın geri dönme veya şikâyet oranı SES inceleme eşiğinde',
  },
  'reputation-gate-not-paused': {
    status: 409,
    title: 'The reputation gate is not paused: there is nothing to lift',
    tr: 'İtibar kapısı durdurulmuş değil: kaldırılacak bir şey yok',
  },
  'reputation-gate-changed': {
    status: 409,
    title: 'The reputation gate changed meanwhile',
    tr: 'İtibar kapısı bu arada değişti',
  },
  'template-variable-missing': {
    status: 422,
    title: 'The data lacks a variable the template uses',
    tr: 'Veride şablonun kullandığı bir değişken yok',
  },
  'unknown-template-variable': {
    status: 422,
    title: 'The template uses a variable campaigns do not provide',
    tr: 'Şablon, kampanyaların sağlamadığı bir değişken kullanıyor',
  },
  'segment-not-found': { status: 422, title: 'No such segment', tr: 'Böyle bir segment yok' },
  'template-not-found': { status: 422, title: 'No such template', tr: 'Böyle bir şablon yok' },
  'schedule-in-past': {
    status: 422,
    title: 'The schedule never fires in the future',
    tr: 'Zamanlama gelecekte hiç çalışmıyor',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof campaignsProblems> {}
}
