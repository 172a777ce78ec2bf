/**
 * The sandbox's calling signalling protocol: JSON messages over one WebSocket per call agent at
 * `/calling/signal`. The server (`sandbox/server/calling/`) and the browser module
 * (`sandbox/calling/`) both import this file, so it uses neither Node nor DOM APIs.
 *
 * Flow of a 1:1 call between Adele (A) and Diego (D):
 *
 * ```
 * A -> server  authenticate { token }            server -> A  authenticated { self }
 * A -> server  invite { callId, targets: [D] }   server -> D  incomingCall { callId, caller }
 * D -> server  ringing { callId }                server -> A  ringing { callId, participant: D }
 * D -> server  accept { callId }                 server -> D  callJoined { participants: [A] }
 *                                                server -> A  participantJoined { participant: D }
 * A <-> D      sessionDescription, iceCandidate and mediaState, relayed with `from` set
 * A -> server  hangUp { callId }                 server -> D  participantLeft, then callEnded
 * ```
 *
 * A meeting has no caller: each endpoint sends `joinMeeting` with its own call id. The first to
 * join organizes it. Later joiners from the organizer's tenant get `callJoined` at once, and
 * others get `inLobby` until someone in the meeting sends `admit` (or `rejectFromLobby`).
 *
 * A call has at most `maxCallParticipants` parties connected as a mesh: one RTCPeerConnection
 * per pair. The party already in the call creates the peer connection's transceivers and sends
 * the first SDP offer to a newcomer. After that, either side may renegotiate (perfect
 * negotiation, the newcomer being the polite peer).
 */

/** Path of the signalling WebSocket on the sandbox origin. */
export const signallingPath = '/calling/signal';

/**
 * How long a call keeps a party whose signalling socket dropped, in milliseconds. The party's peer
 * connections stay up meanwhile, so media goes on. If it reconnects in time and sends `rejoin`,
 * the call goes on as before, as a Teams call survives a short network drop.
 *
 * NOTE: 20 s is a round figure, not Teams' measured grace period.
 */
export const reconnectGraceMs = 20_000;

/** Maximum number of parties in one call or meeting, the caller included; kept small because media flows as a mesh. */
export const maxCallParticipants = 4;

/** Prefix of a Teams user's raw id: `8:orgid:<Entra object id>`. */
export const teamsUserRawIdPrefix = '8:orgid:';

/** A call end reason as the calling SDK reports it. */
export interface EndReason {
  code: number;
  subCode: number;
}

/**
 * The code/subCode pairs the sandbox reports, with the meaning that `@azure/communication-calling`
 * 2.0.0 gives each pair in its own table of end reasons.
 */
export const endReasons = {
  /** 0/0: the local participant hung up (or cancelled its own outgoing call). */
  hungUpLocally: { code: 0, subCode: 0 },
  /** 0/5010: only one participant was left, because the others hung up. */
  onlyOneParticipantLeft: { code: 0, subCode: 5010 },
  /** 0/5013: no one else joined the group call. */
  noOneElseJoined: { code: 0, subCode: 5013 },
  /** 0/4097: someone ended the call for everyone. */
  endedForEveryone: { code: 0, subCode: 4097 },
  /** 0/4521: a participant disconnected abruptly (closed the tab, lost the socket). */
  participantDisconnected: { code: 0, subCode: 4521 },
  /** 0/5854: removed from the meeting lobby by someone in the meeting. */
  removedFromLobby: { code: 0, subCode: 5854 },
  /** 0/5855: no one admitted the participant from the lobby in time. */
  lobbyTimedOut: { code: 0, subCode: 5855 },
  /** 486/4508: the local user declined the incoming call. */
  declinedLocally: { code: 486, subCode: 4508 },
  /** 603/0: the callee declined the call. */
  declinedByCallee: { code: 603, subCode: 0 },
  /** 480/560480: no answer from the callee (also when the callee is not signed in anywhere). */
  noAnswer: { code: 480, subCode: 560480 },
  /** 487/560487: the caller cancelled the call before anyone answered. */
  cancelledByCaller: { code: 487, subCode: 560487 },
  /** 487/10003: another endpoint of the same user accepted the call. */
  acceptedElsewhere: { code: 487, subCode: 10003 },
  /** 487/10004: the callee did not accept or reject the call in time. */
  ringTimedOut: { code: 487, subCode: 10004 },
  /** 490/4502: the local endpoint lost its connection to the service. */
  networkError: { code: 490, subCode: 4502 },
  /** 401/10009: the Communication Services token was rejected (invalid or expired). */
  unauthenticated: { code: 401, subCode: 10009 },
  /** 404/4500: the call to start, join or act on does not exist. */
  callNotFound: { code: 404, subCode: 4500 },
  /**
   * 404/4500: the callee does not exist (an object id of no user).
   *
   * NOTE: the end reasons checked against the SDK for this kit have no pair for an unknown
   * callee; 404/4500 ("not found") is the closest documented one. The kit reads it as "person not
   * found" on an outgoing 1:1 call that was never answered. Check it against the real service.
   */
  calleeNotFound: { code: 404, subCode: 4500 },
} as const satisfies Record<string, EndReason>;

/** WebSocket close codes the server uses (4000-4999 is the range for applications). */
export const closeCodes = {
  /** A message was not valid JSON or not a known message; the reason names the problem. */
  invalidMessage: 4400,
  /** The token is missing, malformed, not signed by the sandbox or lacks `skypeid`. */
  invalidToken: 4401,
  /** The token's `exp` has passed. */
  expiredToken: 4402,
  /** No `authenticate` message arrived in time. */
  authenticationTimeout: 4408,
  /** The sandbox is shutting down. */
  serverClosing: 1001,
} as const;

/** A participant as the server describes it. */
export interface ParticipantInfo {
  /** `8:orgid:<object id>` */
  rawId: string;
  displayName: string;
}

/** A participant's status in a call, as the server tracks it. */
export type ParticipantStatus = 'invited' | 'ringing' | 'inLobby' | 'connected';

/** A participant with its status, as listed to a newcomer. */
export interface CallMember extends ParticipantInfo {
  status: ParticipantStatus;
}

/** An SDP offer or answer, as `RTCSessionDescriptionInit` carries it. */
export interface SessionDescription {
  type: 'offer' | 'answer' | 'pranswer' | 'rollback';
  sdp?: string;
}

/** An ICE candidate, as `RTCIceCandidate.toJSON()` returns it. */
export interface IceCandidate {
  candidate?: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
}

/**
 * A sender's media towards one peer. The `mid` values name the transceivers of the peer
 * connection between the two, so the receiver can tell camera video (`Video`) from a screen
 * share (`ScreenSharing`); `null` means that video is off.
 */
export interface MediaState {
  isMuted: boolean;
  isOnHold: boolean;
  camera: { mid: string } | null;
  screenShare: { mid: string } | null;
}

/**
 * A role in a sandbox meeting: the first to join organizes it, and everyone else is a presenter,
 * as in a Teams meeting with default options.
 */
export type MeetingRole = 'Organizer' | 'Presenter';

/** A meeting locator: the link a Teams invitation carries, or the meeting's id and passcode. */
export type MeetingLocator = { meetingLink: string } | { meetingId: string; passcode?: string };

/** The reactions a participant can send, as the calling SDK's `Reaction` type names them. */
export const reactionTypes = ['like', 'heart', 'laugh', 'surprised', 'applause'] as const;

export type ReactionType = (typeof reactionTypes)[number];

/** A raised hand: whose, and its place in the order in which hands went up in the call. */
export interface RaisedHandInfo {
  rawId: string;
  order: number;
}

// Client to server.

/** The first message on a socket. Until it is accepted, the server reads nothing else. */
export interface AuthenticateMessage {
  type: 'authenticate';
  /** The Communication Services access token (never logged). */
  token: string;
}

/** Starts a call to one to three Teams users. `callId` is chosen by the caller (a UUID). */
export interface InviteMessage {
  type: 'invite';
  callId: string;
  /** Raw ids of the callees. */
  targets: string[];
  /** Set for group calls, as `StartTeamsGroupCallOptions.threadId`. */
  threadId?: string;
}

/** The callee's endpoint is ringing. */
export interface RingingMessage {
  type: 'ringing';
  callId: string;
}

export interface AcceptMessage {
  type: 'accept';
  callId: string;
}

export interface RejectMessage {
  type: 'reject';
  callId: string;
}

/**
 * Leaves a call. From the caller before anyone accepted, it cancels the invitation; with
 * `forEveryone`, it ends the call for all parties.
 */
export interface HangUpMessage {
  type: 'hangUp';
  callId: string;
  forEveryone?: boolean;
}

/**
 * Joins (or starts) a meeting. The first to join organizes it; later joiners from the organizer's
 * tenant join directly and others wait in its lobby. `callId` is this endpoint's own id for the
 * call: the server uses it in every message about the meeting to this endpoint.
 */
export interface JoinMeetingMessage {
  type: 'joinMeeting';
  callId: string;
  meeting: MeetingLocator;
}

/**
 * Sent after the socket reconnected, once per call the endpoint was in: it takes the endpoint's
 * place in the call back within `reconnectGraceMs` of the drop.
 */
export interface RejoinMessage {
  type: 'rejoin';
  callId: string;
}

/** Lets people waiting in the lobby into the meeting. */
export interface AdmitMessage {
  type: 'admit';
  callId: string;
  participants: string[];
}

/** Removes people from the lobby without letting them in. */
export interface RejectFromLobbyMessage {
  type: 'rejectFromLobby';
  callId: string;
  participants: string[];
}

/** An SDP offer or answer for the peer connection with `to`. */
export interface SessionDescriptionMessage {
  type: 'sessionDescription';
  callId: string;
  to: string;
  description: SessionDescription;
}

/** An ICE candidate for the peer connection with `to`; `null` ends the candidates. */
export interface IceCandidateMessage {
  type: 'iceCandidate';
  callId: string;
  to: string;
  candidate: IceCandidate | null;
}

/** The sender's media state for the peer connection with `to`. */
export interface MediaStateMessage {
  type: 'mediaState';
  callId: string;
  to: string;
  state: MediaState;
}

/** Raises or lowers this endpoint's hand in a call it is connected to. */
export interface RaiseHandMessage {
  type: 'raiseHand';
  callId: string;
  raised: boolean;
}

/** Sends a reaction to everyone else in a call this endpoint is connected to. */
export interface SendReactionMessage {
  type: 'sendReaction';
  callId: string;
  reaction: ReactionType;
}

export type ClientMessage =
  | AuthenticateMessage
  | RaiseHandMessage
  | SendReactionMessage
  | InviteMessage
  | RingingMessage
  | AcceptMessage
  | RejectMessage
  | HangUpMessage
  | JoinMeetingMessage
  | RejoinMessage
  | AdmitMessage
  | RejectFromLobbyMessage
  | SessionDescriptionMessage
  | IceCandidateMessage
  | MediaStateMessage;

/** Messages the server relays to the party named in `to`, replacing `to` with `from`. */
export type RelayedClientMessage = SessionDescriptionMessage | IceCandidateMessage | MediaStateMessage;

// Server to client.

export interface AuthenticatedMessage {
  type: 'authenticated';
  self: ParticipantInfo;
}

/** Someone calls this user. Every connected endpoint of the user receives it. */
export interface IncomingCallMessage {
  type: 'incomingCall';
  callId: string;
  caller: ParticipantInfo;
  /** Everyone else in the call or invited to it, the caller included. */
  participants: CallMember[];
}

/** A callee's endpoint rings. */
export interface RingingNotice {
  type: 'ringing';
  callId: string;
  participant: string;
}

/** This endpoint is now in the call; `participants` are the others, with their status. */
export interface CallJoinedMessage {
  type: 'callJoined';
  callId: string;
  participants: CallMember[];
  /** Set when the call is a meeting: this participant's role in it. */
  meeting?: { role: MeetingRole };
}

/**
 * This endpoint is back in the call after a reconnection; `participants` are the others now, so
 * it can catch up on who joined or left while its socket was down.
 */
export interface CallRejoinedMessage {
  type: 'callRejoined';
  callId: string;
  participants: CallMember[];
}

/** Someone connected to the call. Everyone already connected sends them an SDP offer. */
export interface ParticipantJoinedMessage {
  type: 'participantJoined';
  callId: string;
  participant: ParticipantInfo;
}

/** Someone left the call, declined, or stopped ringing; `reason` is their end reason. */
export interface ParticipantLeftMessage {
  type: 'participantLeft';
  callId: string;
  participant: string;
  reason: EndReason;
}

/** The call (or the invitation to it) ended for this endpoint. */
export interface CallEndedMessage {
  type: 'callEnded';
  callId: string;
  reason: EndReason;
}

/** This endpoint waits in a meeting's lobby. */
export interface InLobbyMessage {
  type: 'inLobby';
  callId: string;
}

/** The lobby's waiting list, sent to everyone connected to the meeting whenever it changes. */
export interface LobbyUpdatedMessage {
  type: 'lobbyUpdated';
  callId: string;
  waiting: ParticipantInfo[];
}

/**
 * Every raised hand of the call, in raising order, sent to everyone connected whenever a hand
 * goes up or down, and to a newcomer once it joined.
 */
export interface RaisedHandsMessage {
  type: 'raisedHands';
  callId: string;
  raisedHands: RaisedHandInfo[];
}

/** Someone else in the call sent a reaction. */
export interface ReactionNotice {
  type: 'reaction';
  callId: string;
  participant: string;
  reaction: ReactionType;
}

/** A request could not be carried out; the socket stays open. */
export interface ErrorMessage {
  type: 'error';
  /** Set when the error concerns one call. */
  callId?: string;
  code: 'InvalidMessage' | 'CallNotFound' | 'NotInCall' | 'CallExists' | 'TooManyParticipants' | 'UserNotFound';
  message: string;
}

export type RelayedServerMessage =
  | (Omit<SessionDescriptionMessage, 'to'> & { from: string })
  | (Omit<IceCandidateMessage, 'to'> & { from: string })
  | (Omit<MediaStateMessage, 'to'> & { from: string });

export type ServerMessage =
  | AuthenticatedMessage
  | IncomingCallMessage
  | RingingNotice
  | CallJoinedMessage
  | CallRejoinedMessage
  | ParticipantJoinedMessage
  | ParticipantLeftMessage
  | CallEndedMessage
  | InLobbyMessage
  | LobbyUpdatedMessage
  | RaisedHandsMessage
  | ReactionNotice
  | ErrorMessage
  | RelayedServerMessage;

/** Returns the raw id of a Teams user with this Entra object id. */
export function teamsUserRawId(objectId: string): string {
  return `${teamsUserRawIdPrefix}${objectId}`;
}

/** Returns the Entra object id in a Teams user's raw id, or `undefined` for another kind of id. */
export function objectIdFromRawId(rawId: string): string | undefined {
  return rawId.startsWith(teamsUserRawIdPrefix) ? rawId.slice(teamsUserRawIdPrefix.length) : undefined;
}
