import { css } from 'lit';

export const signInStyles = css`
  :host {
    display: inline-block;
  }

  .base {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--teams-sign-in-gap, 8px);
  }

  .account {
    display: inline-flex;
    flex-direction: column;
    line-height: 1.25;
  }

  .account-name {
    font-weight: 600;
  }

  .account-username {
    color: var(--_text-muted);
    font-size: 0.857em;
  }

  .progress {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    color: var(--_text-muted);
  }

  .problem {
    display: flex;
    flex-direction: column;
    gap: 6px;
    max-width: 40em;
  }

  .message {
    margin: 0;
  }

  .detail {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.857em;
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
`;
