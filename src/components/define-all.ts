import { TeamsCall } from './call/teams-call.js';
import { TeamsChat } from './chat/teams-chat.js';
import { TeamsScreenShare } from './screen-share/teams-screen-share.js';
import { defineElement } from './shared/define.js';
import { TeamsSignIn } from './sign-in/teams-sign-in.js';

/** Options of `defineTeamsElements`. */
export interface DefineOptions {
  /**
   * First part of every tag name: `contoso` registers `<contoso-sign-in>`, `<contoso-call>`,
   * `<contoso-screen-share>` and `<contoso-chat>`. Default `teams`.
   */
  prefix?: string;
}

const prefixPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Registers the four elements under a tag prefix, for pages that load two versions of the kit
 * (each version registers its own prefix). Each tag gets a subclass of its own, because the
 * browser allows one tag name per constructor. Returns the tag names; a tag that another copy
 * already defined is left as it is.
 */
export function defineTeamsElements(options: DefineOptions = {}): string[] {
  const prefix = options.prefix ?? 'teams';
  if (!prefixPattern.test(prefix)) {
    throw new TypeError(
      `The tag prefix "${prefix}" is not valid: use lower-case letters and digits, starting with a letter, with single hyphens between words (for example "contoso").`,
    );
  }

  const elements: Array<[string, CustomElementConstructor]> = [
    ['sign-in', class extends TeamsSignIn {}],
    ['call', class extends TeamsCall {}],
    ['screen-share', class extends TeamsScreenShare {}],
    ['chat', class extends TeamsChat {}],
  ];
  return elements.map(([suffix, constructor]) => {
    const tagName = `${prefix}-${suffix}`;
    defineElement(tagName, constructor);
    return tagName;
  });
}
