// `npm run reindex`: once, after upgrading a table an older version wrote, puts what that version did
// not list into the lists this one reads — people into the admins' list with their e-mail address's
// marker, open to-dos into the overdue list. Both are idempotent. The local table by default; set TABLE_NAME and AWS credentials for a
// deployed one.
import { reindexOpenTodos } from '../../functions/activities/activity-store.js';
import { reindexDirectory } from '../../functions/people/people-store.js';
import { useLocalTableUnlessConfigured } from './settings.js';

useLocalTableUnlessConfigured();
const sharing: string[] = [];
console.log(`${await reindexDirectory((userId) => sharing.push(userId))} directory users are in the admins' list.`);
if (sharing.length) {
  console.log(
    `These people share an e-mail address with another person (in another letter case); disable one of each: ${sharing.join(', ')}`,
  );
}
console.log(
  `${await reindexOpenTodos()} open to-dos were put into the overdue list (those already there are left as they are).`,
);
