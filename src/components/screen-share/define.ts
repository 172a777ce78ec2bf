import { defineElement } from '../shared/define.js';
import { TeamsScreenShare } from './teams-screen-share.js';

defineElement('teams-screen-share', TeamsScreenShare);

declare global {
  interface HTMLElementTagNameMap {
    'teams-screen-share': TeamsScreenShare;
  }
}
