import type { AudioDeviceInfo, VideoDeviceInfo } from '@azure/communication-calling';
import { type TemplateResult, html, nothing } from 'lit';

import type { CallSnapshot, DeviceLists, RemoteParticipantSnapshot } from '../../services/calling/index.js';
import type { LocalizeController } from '../../localization/localize.js';

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

/** Returns the participant list: the user first, then everyone else with mute, speaking, hand and call state. */
export function renderParticipantList(
  localize: LocalizeController,
  call: CallSnapshot,
  selfName: string,
  raisedHands: ReadonlySet<string>,
  selfHandRaised: boolean,
): TemplateResult {
  const badge = (text: string): TemplateResult => html`<span class="badge">${text}</span>`;

  return html`
    <section part="participants" class="panel" aria-label=${localize.term('callParticipantsRegion')}>
      <ul class="people">
        <li part="participant">
          <span class="person-name">${localize.term('callYou', selfName)}</span>
          ${call.isMuted ? badge(localize.term('callMuted')) : nothing} ${selfHandRaised ? badge(localize.term('callHandRaised')) : nothing}
        </li>
        ${call.remoteParticipants.map((participant) => {
          const state = participantStateText(localize, participant);
          return html`<li part="participant" class=${participant.isSpeaking ? 'speaking' : ''}>
            <span class="person-name">${participant.displayName ?? localize.term('callUnknownPerson')}</span>
            ${participant.isMuted ? badge(localize.term('callMuted')) : nothing} ${participant.isSpeaking ? badge(localize.term('callSpeaking')) : nothing}
            ${raisedHands.has(participant.key) ? badge(localize.term('callHandRaised')) : nothing} ${state === undefined ? nothing : badge(state)}
          </li>`;
        })}
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

/**
 * Returns the microphone, camera and speaker pickers. They follow devices plugged in or out: the
 * lists come from the device manager's events, and a removed selection falls back in the service.
 */
export function renderDevicePickers(localize: LocalizeController, devices: DeviceLists, actions: DeviceActions, idPrefix: string): TemplateResult {
  const select = (
    id: string,
    label: string,
    list: Array<AudioDeviceInfo | VideoDeviceInfo>,
    selectedId: string | undefined,
    onChange: (deviceId: string) => void,
  ): TemplateResult => html`
    <div class="picker">
      <label for=${`${idPrefix}-${id}`}>${label}</label>
      <select
        id=${`${idPrefix}-${id}`}
        part=${`${id}-select`}
        ?disabled=${list.length === 0}
        @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
      >
        ${list.length === 0 ? html`<option value="">${localize.term('callNoDevices')}</option>` : nothing}
        ${list.map(
          (device, index) =>
            html`<option value=${device.id} ?selected=${device.id === (selectedId ?? list[0]?.id)}>${device.name || localize.term('callDeviceUnnamed', index + 1)}</option>`,
        )}
      </select>
    </div>
  `;

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
