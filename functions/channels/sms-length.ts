// The segment limit: a text over SMS_MAX_SEGMENTS is refused before anything is sent, naming the field.
import { config } from '../../shared/config.js';
import { ProblemError } from '../../shared/problems.js';
import { type SmsLength, smsCost, smsLength } from '../../shared/sms.js';

/** Segments, encoding and the estimated cost per recipient of a text. */
export const smsEstimate = (text: string): SmsLength & { costMinor: number } => {
  const length = smsLength(text);
  return { ...length, costMinor: smsCost(length.segments) };
};

/** Throws `sms-too-long` (422) with `path` when the text needs more segments than the limit. */
export const refuseLongSms = (text: string, path: string) => {
  const length = smsLength(text);
  const max = config.smsMaxSegments();
  if (length.segments <= max) return length;
  const per = length.encoding === 'GSM-7' ? '160/153' : '70/67';
  throw new ProblemError(
    422,
    'sms-too-long',
    {
      en: `The text needs ${length.segments} segments (${length.encoding}, ${per} characters); at most ${max} are sent.`,
      tr: `Metin ${length.segments} bölüm tutuyor (${length.encoding}, ${per} karakter); en fazla ${max} gönderilir.`,
    },
    [
      {
        path,
        message: {
          en: `${length.characters} characters: ${length.segments} segments, over the limit of ${max}.`,
          tr: `${length.characters} karakter: ${length.segments} bölüm, ${max} sınırının üstünde.`,
        },
      },
    ],
  );
};
