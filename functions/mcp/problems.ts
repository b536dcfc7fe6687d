// The problem codes this module answers with: none of its own (a tool call answers the API's problem).
import { declareProblems } from '../../shared/problems.js';

export const mcpProblems = declareProblems({});
