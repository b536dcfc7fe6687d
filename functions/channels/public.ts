// What other modules may use of channels: the preferred channel, and the segment limit for texts.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { chooseChannel, type NoticeChannel, reachableBy } from './domain/channel-choice.js';
export { getPreference } from './preferences.js';
export { refuseLongSms, smsEstimate } from './sms-length.js';
