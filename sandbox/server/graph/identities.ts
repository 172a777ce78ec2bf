import type { SandboxUser } from '../directory.js';
import type { MessageFrom, TeamworkUserIdentity } from './model.js';

/**
 * Returns a user as Graph names them in messages. Event details carry no display name in Graph, so
 * `withName: false` leaves it `null` there and clients resolve it through the chat's members.
 */
export function userIdentity(user: SandboxUser, withName = true): TeamworkUserIdentity {
  return {
    '@odata.type': '#microsoft.graph.teamworkUserIdentity',
    id: user.id,
    displayName: withName ? user.displayName : null,
    userIdentityType: 'aadUser',
    tenantId: user.tenantId,
  };
}

/** Returns the `from` of a message a user sent. */
export function messageFrom(user: SandboxUser): MessageFrom {
  return { application: null, device: null, user: userIdentity(user) };
}
