// What other modules may use of the Amazon Connect adapter: nothing; Connect invokes it directly.
import './problems.js';
