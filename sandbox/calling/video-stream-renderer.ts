import type { CreateViewOptions, ScalingMode } from '@azure/communication-calling';

import type { VideoStreamRendererPort, VideoStreamRendererViewPort } from '../../src/services/calling/port.js';
import { LocalVideoStream } from './local-video-stream.js';
import { RemoteVideoStream } from './remote-video-stream.js';

const objectFit: Record<ScalingMode, string> = { Stretch: 'fill', Crop: 'cover', Fit: 'contain' };

/**
 * A view of a video stream: a `<div>` target holding one `<video autoplay playsinline muted>`.
 * Disposing it removes the video and detaches the stream; a second dispose does nothing.
 */
export class VideoStreamRendererView implements VideoStreamRendererViewPort {
  readonly target: HTMLElement;
  readonly isMirrored: boolean;
  #scalingMode: ScalingMode;
  readonly #video: HTMLVideoElement;
  readonly #onDisposed: (view: VideoStreamRendererView) => void;
  #disposed = false;

  constructor(mediaStream: MediaStream, options: CreateViewOptions, onDisposed: (view: VideoStreamRendererView) => void) {
    this.isMirrored = options.isMirrored ?? false;
    this.#scalingMode = options.scalingMode ?? 'Crop';
    this.#onDisposed = onDisposed;

    this.#video = document.createElement('video');
    this.#video.autoplay = true;
    this.#video.playsInline = true;
    // Audio plays through the call, never through a video view.
    this.#video.muted = true;
    this.#video.srcObject = mediaStream;
    this.#video.style.width = '100%';
    this.#video.style.height = '100%';
    this.#video.style.objectFit = objectFit[this.#scalingMode];
    if (this.isMirrored) this.#video.style.transform = 'scaleX(-1)';

    this.target = document.createElement('div');
    this.target.style.width = '100%';
    this.target.style.height = '100%';
    this.target.append(this.#video);
  }

  get scalingMode(): ScalingMode {
    return this.#scalingMode;
  }

  async updateScalingMode(scalingMode: ScalingMode): Promise<void> {
    this.#scalingMode = scalingMode;
    this.#video.style.objectFit = objectFit[scalingMode];
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#video.pause();
    this.#video.srcObject = null;
    this.#video.remove();
    this.#onDisposed(this);
  }
}

/**
 * Renders a local or remote video stream of this module, like the SDK's `VideoStreamRenderer`.
 * Each `createView` makes a new view; `dispose` disposes them all.
 */
export class VideoStreamRenderer implements VideoStreamRendererPort {
  readonly #stream: LocalVideoStream | RemoteVideoStream;
  readonly #views = new Set<VideoStreamRendererView>();
  #disposed = false;

  constructor(stream: LocalVideoStream | RemoteVideoStream) {
    if (!(stream instanceof LocalVideoStream) && !(stream instanceof RemoteVideoStream)) {
      throw new TypeError('The sandbox VideoStreamRenderer renders only its own module\'s LocalVideoStream and RemoteVideoStream.');
    }
    this.#stream = stream;
  }

  /** Creates a view. Rejects for a remote stream that is not available (its video is off). */
  async createView(options: CreateViewOptions = {}): Promise<VideoStreamRendererView> {
    if (this.#disposed) throw new Error('createView failed: the renderer is disposed; create a new one.');
    if (this.#stream instanceof RemoteVideoStream && !this.#stream.isAvailable) {
      throw new Error(`createView failed: remote ${this.#stream.mediaStreamType} stream ${this.#stream.id} is not available; wait for isAvailableChanged.`);
    }

    const mediaStream = await this.#stream.getMediaStream();
    if (this.#disposed) throw new Error('createView failed: the renderer was disposed while the view was being created.');
    const view = new VideoStreamRendererView(mediaStream, options, (disposed) => this.#views.delete(disposed));
    this.#views.add(view);
    return view;
  }

  dispose(): void {
    this.#disposed = true;
    for (const view of [...this.#views]) view.dispose();
  }
}
