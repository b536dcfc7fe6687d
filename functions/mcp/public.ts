// What other modules may use of the MCP server: nothing; agents call it over HTTP.
import './problems.js';
