// What the people module may use of sign-in: the login item it keeps beside a person, and how a
// session's key id is told from an integration key's.
export { loginItem } from './people.js';
export { isSessionKeyId } from './person.js';
