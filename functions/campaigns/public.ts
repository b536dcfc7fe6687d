// What other modules may use of campaigns: its segments, read and evaluated (who is in one).
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { getSegment, type Segment, segmentMembers } from './segments.js';
