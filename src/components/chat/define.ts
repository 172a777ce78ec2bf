import { defineElement } from '../shared/define.js';
import { TeamsChat } from './teams-chat.js';

defineElement('teams-chat', TeamsChat);

declare global {
  interface HTMLElementTagNameMap {
    'teams-chat': TeamsChat;
  }
}
