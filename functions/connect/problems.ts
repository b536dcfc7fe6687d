// The problem codes this module answers with: none (Connect gets attributes, never a problem).
import { declareProblems } from '../../shared/problems.js';

export const connectProblems = declareProblems({});
