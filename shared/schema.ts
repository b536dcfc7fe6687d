// Every schema in product code comes from here: zod/mini, with English issue messages.
// Classic `zod` would put ~440 KB in every Lambda bundle; zod/mini is ~15 KB, but it sets no locale,
// so without this its issues would all read "Invalid input" in our problem responses.
// Import it as a namespace (`import * as z from '…/shared/schema.js'`) so the bundler keeps only the
// functions used; `z.locales.en()` would pull in every locale (~250 KB), hence `zod/locales` here.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
