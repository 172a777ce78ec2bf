// The calling service's public API. The SDK itself is reached only through the loader's dynamic
// import, so importing this module does not pull it into a bundle.
export { CallingService, type CallingServiceOptions, type CallingLogger, type HangUpCallOptions, type MediaOptions } from './calling-service.js';
export { getCallingService } from './registry.js';
export {
  type AgentStatus,
  type CallKind,
  type CallingState,
  type EndedCall,
  type IncomingCallSnapshot,
  type OutgoingCallSetup,
  initialCallingState,
} from './calling-state.js';
export { CallStore, type CallSnapshot, type CallStoreOptions, type RemoteParticipantSnapshot, type RemoteVideoStreamSnapshot } from './call-store.js';
export { HandsAndReactions, type RaisedHandSnapshot, type ReactionSnapshot } from './hands-and-reactions.js';
export { type CallTarget, type ParsedCallTarget, parseCallTarget, rejectSelfCall } from './call-target.js';
export { type OutgoingCallPlan, planOutgoingCall, splitCallTargets } from './call-targets.js';
export { findOrCreateGroupChat, type GroupChatOptions, type GroupChatSession } from './group-chat.js';
export { type MeetingLocator, parseMeetingLocator } from './meeting-locator.js';
export { DeviceSelection, type DeviceLists, emptyDeviceLists } from './device-selection.js';
export { resolveCallTarget, type LookupSession, type ResolveOptions } from './user-lookup.js';
export { lookUpDisplayName, shortenObjectIds, type NameLookupOptions, type NameLookupSession } from './display-names.js';
export { describeEndReason, type DescribedEndReason, type EndReasonContext, type EndReasonKind } from './end-reasons.js';
export { classifyDeviceError, type DeviceProblem, type DeviceProblemKind, type MediaDevice } from './device-errors.js';
export { loadCallingModule, setCallingModuleLoader, type CallingModuleLoader } from './loader.js';
export { VideoViews, type RenderableStream, type VideoViewsOptions, type ViewStatus } from './video-views.js';
export { Store, type StoreListener } from './store.js';
export { DevicePreview, type DevicePreviewChoices, type DevicePreviewState } from './device-preview.js';
export { MicrophoneLevel } from './microphone-level.js';
export type * from './port.js';
export { createRenderer } from './port.js';
