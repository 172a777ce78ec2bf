/**
 * Compile-time proof that `@azure/communication-calling` satisfies the calling port. Nothing here
 * runs or is bundled (the import is type-only); `npm run check` fails when an SDK update changes a
 * member the kit uses.
 */
import type * as CallingSdk from '@azure/communication-calling';

import type {
  CallFeaturesPort,
  CallingModule,
  DeviceManagerPort,
  LobbyPort,
  LocalAudioStreamPort,
  RaiseHandFeaturePort,
  ReactionFeaturePort,
  TeamsCallAgentPort,
  TeamsCallPort,
  TeamsIncomingCallPort,
} from './port.js';

type Satisfies<Actual extends Expected, Expected> = Actual;

export type SdkModuleSatisfiesPort = Satisfies<typeof CallingSdk, CallingModule>;
// The port makes some module members optional for hosts' own modules; the SDK has all of them.
export type SdkModuleHasEveryMember = Satisfies<typeof CallingSdk, Required<CallingModule>>;
export type SdkCallAgentSatisfiesPort = Satisfies<CallingSdk.TeamsCallAgent, TeamsCallAgentPort>;
export type SdkCallSatisfiesPort = Satisfies<CallingSdk.TeamsCall, TeamsCallPort>;
export type SdkIncomingCallSatisfiesPort = Satisfies<CallingSdk.TeamsIncomingCall, TeamsIncomingCallPort>;
export type SdkDeviceManagerSatisfiesPort = Satisfies<CallingSdk.DeviceManager, DeviceManagerPort>;
export type SdkLobbySatisfiesPort = Satisfies<CallingSdk.Lobby, LobbyPort>;
export type SdkLocalAudioStreamSatisfiesPort = Satisfies<CallingSdk.LocalAudioStream, LocalAudioStreamPort>;
export type SdkFeaturesSatisfyPort = Satisfies<typeof CallingSdk.Features, CallFeaturesPort>;
export type SdkRaiseHandSatisfiesPort = Satisfies<CallingSdk.RaiseHandCallFeature, RaiseHandFeaturePort>;
export type SdkReactionSatisfiesPort = Satisfies<CallingSdk.ReactionCallFeature, ReactionFeaturePort>;
