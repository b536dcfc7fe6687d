// The commands the README and the hand-written docs show, as a reader copies them: shell words, and
// the commands found in their code.
import { readdirSync, readFileSync } from 'node:fs';
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

/** The README and the docs written by hand (the generated ones show no commands). */
const documents = () => [
  'README.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md') && !['api.md', 'events.md'].includes(name))
    .map((name) => `docs/${name}`),
];

/** The npm and npx commands in code blocks and inline code (an inline span may wrap onto the next line). */
export const readmeCommands = (): string[] =>
  documents().flatMap((path) => commandsIn(readFileSync(join(repoRoot, path), 'utf8')));

const commandsIn = (readme: string): string[] => {
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  const prose = readme.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  const inline = [...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\s*\n\s*/g, ' '));
  return [...blocks, ...inline]
    .map((text) => text.match(/(?:^|\$\()((?:[A-Z_]+=\S+ )*(?:npm|npx) [^)]*)/)?.[1]?.trim())
    .filter((text): text is string => text !== undefined);
};
