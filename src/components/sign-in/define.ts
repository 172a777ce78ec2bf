import { defineElement } from '../shared/define.js';
import { TeamsSignIn } from './teams-sign-in.js';

defineElement('teams-sign-in', TeamsSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'teams-sign-in': TeamsSignIn;
  }
}
