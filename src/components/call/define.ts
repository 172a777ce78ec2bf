import { defineElement } from '../shared/define.js';
import { TeamsCall } from './teams-call.js';

defineElement('teams-call', TeamsCall);

declare global {
  interface HTMLElementTagNameMap {
    'teams-call': TeamsCall;
  }
}
