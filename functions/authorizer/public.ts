// What the people module may use of sign-in: the login item it keeps beside a person, and how a
// session's key id is told from an integration key's.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { loginItem } from './people.js';
export { isSessionKeyId } from './person.js';
