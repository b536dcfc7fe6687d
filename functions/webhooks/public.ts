// What other modules may use of outbound webhooks: nothing but its problem codes, registered wherever
// another module uses it so their titles render there too.
import './problems.js';
