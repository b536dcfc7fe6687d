// `npm run reindex`: once, after upgrading a table an older version wrote, puts what that version did
// not list into the lists this one reads — people into the admins' list, open to-dos into the overdue
// list. Both are idempotent. The local table by default; set TABLE_NAME and AWS credentials for a
// deployed one.
import { reindexOpenTodos } from '../../functions/activities/activity-store.js';
import { reindexDirectory } from '../../functions/people/people-store.js';
import { useLocalTableUnlessConfigured } from './settings.js';

useLocalTableUnlessConfigured();
console.log(`${await reindexDirectory()} directory users are in the admins' list.`);
console.log(`${await reindexOpenTodos()} open to-dos were put into the overdue list (those already there are left as they are).`);
