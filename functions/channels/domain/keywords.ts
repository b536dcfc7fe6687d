// Inbound replies: a refusal keyword withdraws the number's consent. People type it as they like —
// `ret`, `Ret.`, `İPTAL`, `ıptal` on a Turkish keyboard — so the first word is folded before it is
// compared: Turkish letters to their ASCII base (İ ı → I, Ş → S…), any case, punctuation dropped.

export const refusalKeywords = ['RET', 'IPTAL', 'STOP'] as const;

/**
 * `İptal!` → `IPTAL`: decomposed, the marks of İ Ş Ğ Ç Ö Ü drop off their base letter, and the dotless ı
 * has the upper case I; only letters and digits kept.
 */
export const foldKeyword = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

/** Whether a reply refuses further messages: its first word, folded, is a refusal keyword. */
export const isRefusal = (body: string) => {
  const [first] = body.trim().split(/\s+/, 1) as [string];
  return (refusalKeywords as readonly string[]).includes(foldKeyword(first));
};
