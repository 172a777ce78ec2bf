import type { AudioDeviceInfo, VideoDeviceInfo } from '@azure/communication-calling';
import { type TemplateResult, html, nothing } from 'lit';

import type { CallSnapshot, DeviceLists, IncomingCallSnapshot, RemoteParticipantSnapshot } from '../../services/calling/index.js';
import type { LocalizeController } from '../../localization/localize.js';
import { initials } from './call-tiles.js';

/** What the lobby panel does when a button is pressed. */
export interface LobbyActions {
  admit(participant: RemoteParticipantSnapshot): void;
  remove(participant: RemoteParticipantSnapshot): void;
  admitAll(): void;
}

/**
 * Returns the list of people waiting in a meeting's lobby with Admit and Remove buttons, for the
 * organizer and presenters, or nothing when no one waits or the user may not admit.
 */
export function renderLobbyPanel(localize: LocalizeController, call: CallSnapshot, actions: LobbyActions): TemplateResult | typeof nothing {
  const waiting = call.lobbyParticipants;
  if (waiting.length === 0 || !canManageLobby(call)) return nothing;

  return html`
    <section part="lobby" class="panel" aria-label=${localize.term('callLobbyRegion')}>
      <p>${localize.term('callLobbyWaiting', waiting.length)}</p>
      <ul class="people">
        ${waiting.map((participant) => {
          const name = participant.displayName ?? localize.term('callUnknownPerson');
          // The short visible text starts each button's accessible name, which adds the person.
          return html`<li>
            <span class="person-name">${name}</span>
            <button type="button" class="primary" part="admit-button" aria-label=${localize.term('callAdmit', name)} @click=${() => actions.admit(participant)}>
              ${localize.term('callAdmitShort')}
            </button>
            <button type="button" part="remove-button" aria-label=${localize.term('callRemoveFromLobby', name)} @click=${() => actions.remove(participant)}>
              ${localize.term('callRemoveShort')}
            </button>
          </li>`;
        })}
      </ul>
      ${waiting.length > 1 ? html`<button type="button" part="admit-all-button" @click=${actions.admitAll}>${localize.term('callAdmitAll')}</button>` : nothing}
    </section>
  `;
}

/** Organizers, co-organizers and presenters may let people in, as in a Teams meeting with default options. */
export function canManageLobby(call: CallSnapshot): boolean {
  return call.role === 'Organizer' || call.role === 'Co-organizer' || call.role === 'Presenter';
}

/**
 * Returns the participant list with mute, speaking, raised hand and call state. People with a
 * raised hand come first, in the order their hands went up; then the user, then everyone else.
 */
export function renderParticipantList(localize: LocalizeController, call: CallSnapshot, selfName: string, selfKey: string | undefined): TemplateResult {
  const badge = (text: string): TemplateResult => html`<span class="badge">${text}</span>`;
  const handPosition = new Map(call.raisedHands.map((hand, index) => [hand.key, index + 1]));
  const handBadge = (key: string | undefined): TemplateResult | typeof nothing => {
    const position = key === undefined ? undefined : handPosition.get(key);
    return position === undefined ? nothing : badge(localize.term('callHandRaisedOrder', position));
  };

  const self = {
    key: selfKey,
    render: () => html`<li part="participant">
      <span class="person-name">${localize.term('callYou', selfName)}</span>
      ${call.isMuted ? badge(localize.term('callMuted')) : nothing} ${handBadge(selfKey)}
    </li>`,
  };
  const others = call.remoteParticipants.map((participant) => ({
    key: participant.key as string | undefined,
    render: () => {
      const state = participantStateText(localize, participant);
      return html`<li part="participant" class=${participant.isSpeaking ? 'speaking' : ''}>
        <span class="person-name">${participant.displayName ?? localize.term('callUnknownPerson')}</span>
        ${participant.isMuted ? badge(localize.term('callMuted')) : nothing} ${participant.isSpeaking ? badge(localize.term('callSpeaking')) : nothing}
        ${handBadge(participant.key)} ${state === undefined ? nothing : badge(state)}
      </li>`;
    },
  }));

  // A stable sort keeps the user first among the people without a raised hand.
  const position = (key: string | undefined): number => (key === undefined ? Infinity : (handPosition.get(key) ?? Infinity));
  const people = [self, ...others].sort((a, b) => {
    const [first, second] = [position(a.key), position(b.key)];
    return first === second ? 0 : first - second;
  });

  return html`
    <section part="participants" class="panel" aria-label=${localize.term('callParticipantsRegion')}>
      <ul class="people">
        ${people.map((person) => person.render())}
      </ul>
    </section>
  `;
}

function participantStateText(localize: LocalizeController, participant: RemoteParticipantSnapshot): string | undefined {
  switch (participant.state) {
    case 'Ringing':
    case 'EarlyMedia':
      return localize.term('callParticipantRinging');
    case 'Connecting':
    case 'Idle':
      return localize.term('callParticipantConnecting');
    case 'Hold':
      return localize.term('callParticipantOnHold');
    default:
      return undefined;
  }
}

/** What the device pickers do when a device is chosen. */
export interface DeviceActions {
  selectMicrophone(deviceId: string): void;
  selectCamera(deviceId: string): void;
  selectSpeaker(deviceId: string): void;
}

/** The sentence of each device's problem, shown under its picker. */
export type DeviceProblemTexts = Partial<Record<'camera' | 'microphone' | 'speaker', string>>;

/**
 * Returns the microphone, camera and speaker pickers. They follow devices plugged in or out: the
 * lists come from the device manager's events, and a removed selection falls back in the service.
 * A device's problem shows under its picker, which is then marked invalid.
 */
export function renderDevicePickers(
  localize: LocalizeController,
  devices: DeviceLists,
  actions: DeviceActions,
  idPrefix: string,
  problems: DeviceProblemTexts = {},
): TemplateResult {
  const select = (
    id: 'microphone' | 'camera' | 'speaker',
    label: string,
    list: Array<AudioDeviceInfo | VideoDeviceInfo>,
    selectedId: string | undefined,
    onChange: (deviceId: string) => void,
  ): TemplateResult => {
    const problem = problems[id];
    const errorId = `${idPrefix}-${id}-error`;
    return html`
      <div class="picker">
        <label for=${`${idPrefix}-${id}`}>${label}</label>
        <select
          id=${`${idPrefix}-${id}`}
          part=${`${id}-select`}
          aria-describedby=${problem === undefined ? nothing : errorId}
          aria-invalid=${problem === undefined ? 'false' : 'true'}
          ?disabled=${list.length === 0}
          @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
        >
          ${list.length === 0 ? html`<option value="">${localize.term('callNoDevices')}</option>` : nothing}
          ${list.map(
            (device, index) =>
              html`<option value=${device.id} ?selected=${device.id === (selectedId ?? list[0]?.id)}>${device.name || localize.term('callDeviceUnnamed', index + 1)}</option>`,
          )}
        </select>
        ${problem === undefined ? nothing : html`<p id=${errorId} part="error device-error" class="error" role="alert">${problem}</p>`}
      </div>
    `;
  };

  return html`
    <div part="devices" class="devices" role="group" aria-label=${localize.term('callDevicesRegion')}>
      ${select('microphone', localize.term('callMicrophoneLabel'), devices.microphones, devices.selectedMicrophoneId, actions.selectMicrophone)}
      ${select('camera', localize.term('callCameraLabel'), devices.cameras, devices.selectedCameraId, actions.selectCamera)}
      ${devices.speakerSelectionAvailable
        ? select('speaker', localize.term('callSpeakerLabel'), devices.speakers, devices.selectedSpeakerId, actions.selectSpeaker)
        : nothing}
    </div>
  `;
}

/** What the buttons of a ringing call do. */
export interface IncomingCallActions {
  accept(ringing: IncomingCallSnapshot, video: boolean): void;
  decline(ringing: IncomingCallSnapshot): void;
}

/**
 * Returns the ringing call with its buttons. During another call, accepting ends that call, so
 * the buttons say so; "Decline" leaves the current call as it is.
 */
export function renderIncomingCall(localize: LocalizeController, ringing: IncomingCallSnapshot, duringCall: boolean, actions: IncomingCallActions): TemplateResult {
  const name = ringing.callerName ?? localize.term('callUnknownPerson');
  // The sentence names the caller, so the photo or initials beside it are decoration.
  const photo =
    typeof ringing.callerPhotoUrl === 'string'
      ? html`<img part="caller-photo" class="caller-photo" src=${ringing.callerPhotoUrl} alt="" />`
      : html`<span part="caller-photo" class="caller-photo initials" aria-hidden="true">${initials(name)}</span>`;
  return html`
    <section part="incoming" class="incoming" aria-label=${localize.term('callIncomingRegion')}>
      <div class="caller">
        ${photo}
        <p>${localize.term(duringCall ? 'callIncomingDuringCall' : 'callIncoming', name)}</p>
      </div>
      <div class="actions">
        <button type="button" class="primary" part="accept-button" data-autofocus @click=${() => actions.accept(ringing, false)}>
          ${localize.term(duringCall ? 'callAcceptEndingCurrent' : 'callAccept')}
        </button>
        <button type="button" part="accept-video-button" @click=${() => actions.accept(ringing, true)}>
          ${localize.term(duringCall ? 'callAcceptEndingCurrentWithVideo' : 'callAcceptWithVideo')}
        </button>
        <button type="button" class="danger" part="decline-button" @click=${() => actions.decline(ringing)}>
          ${localize.term('callDecline')}
        </button>
      </div>
    </section>
  `;
}
