// What other modules may use of İYS: nothing but its problem codes' registration; it listens to the
// consent events and nobody imports it.
import './problems.js';
