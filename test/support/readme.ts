// The README's commands as a reader copies them: shell words, and the commands found in its code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../infra/local/functions.js';

/** Shell words, as bash splits them: quotes group and are removed; `#` outside quotes starts a comment. */
export const shellWords = (line: string): string[] => {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else word = (word ?? '') + char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
};

/** The npm and npx commands in code blocks and inline code (an inline span may wrap onto the next line). */
export const readmeCommands = (): string[] => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  const prose = readme.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  const inline = [...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\s*\n\s*/g, ' '));
  return [...blocks, ...inline]
    .map((text) => text.match(/(?:^|\$\()((?:[A-Z_]+=\S+ )*(?:npm|npx) [^)]*)/)?.[1]?.trim())
    .filter((text): text is string => text !== undefined);
};
