import type { CreateViewOptions } from '@azure/communication-calling';

import {
  type CallingModule,
  type LocalVideoStreamPort,
  type RemoteVideoStreamPort,
  type VideoStreamRendererPort,
  type VideoStreamRendererViewPort,
  createRenderer,
} from './port.js';

/** A stream a renderer can draw. */
export type RenderableStream = LocalVideoStreamPort | RemoteVideoStreamPort;

/**
 * Status of a stream's view. It is `creating` while `createView` runs and `rendered` once the
 * target is in the container. `timed-out` means `createView` took longer than the timeout, and a
 * view that arrives later is still used. `failed` means `createView` rejected.
 */
export type ViewStatus = 'creating' | 'rendered' | 'timed-out' | 'failed';

export interface VideoViewsOptions {
  /** Maximum time in ms to wait for `createView` before reporting `timed-out`. Defaults to 10 000. */
  createViewTimeoutMs?: number;
  /** Called after a stream's status changes, so an element can render its placeholder. */
  onStatusChange?: (stream: RenderableStream, status: ViewStatus) => void;
}

interface ViewEntry {
  renderer: VideoStreamRendererPort;
  view: VideoStreamRendererViewPort | undefined;
  status: ViewStatus;
  container: HTMLElement;
  options: CreateViewOptions | undefined;
  released: boolean;
}

/**
 * The renderers and views of one element. Each stream gets one renderer and one view, created on
 * first `show` and disposed exactly once by `release` (or by `retain` when the stream is gone).
 * A stream that is removed and added again gets a new renderer and view, and the old ones are
 * disposed. A container only ever contains the current view's target, so a tile never shows two
 * `<video>` elements.
 */
export class VideoViews {
  readonly #module: CallingModule;
  readonly #timeoutMs: number;
  readonly #onStatusChange: VideoViewsOptions['onStatusChange'];
  readonly #entries = new Map<RenderableStream, ViewEntry>();

  constructor(module: CallingModule, options: VideoViewsOptions = {}) {
    this.#module = module;
    this.#timeoutMs = options.createViewTimeoutMs ?? 10_000;
    this.#onStatusChange = options.onStatusChange;
  }

  /** Returns the status of a stream's view, or `undefined` when it has none. */
  statusOf(stream: RenderableStream): ViewStatus | undefined {
    return this.#entries.get(stream)?.status;
  }

  /** Shows a stream's view in `container`, creating its renderer and view on first use. */
  show(stream: RenderableStream, container: HTMLElement, options?: CreateViewOptions): void {
    const existing = this.#entries.get(stream);
    if (existing !== undefined) {
      existing.container = container;
      if (existing.view !== undefined) placeTarget(existing.view.target, container);
      return;
    }

    const entry: ViewEntry = {
      renderer: createRenderer(this.#module, stream),
      view: undefined,
      status: 'creating',
      container,
      options,
      released: false,
    };
    this.#entries.set(stream, entry);
    void this.#createView(stream, entry);
  }

  /** Releases the views of every stream not in `streams`. */
  retain(streams: Iterable<RenderableStream>): void {
    const keep = new Set(streams);
    for (const stream of [...this.#entries.keys()]) {
      if (!keep.has(stream)) this.release(stream);
    }
  }

  /** Disposes a stream's view and renderer and takes the target out of its container. */
  release(stream: RenderableStream): void {
    const entry = this.#entries.get(stream);
    if (entry === undefined) return;
    this.#entries.delete(stream);
    entry.released = true;

    if (entry.view !== undefined) {
      entry.view.target.remove();
      entry.view.dispose();
    }
    entry.renderer.dispose();
  }

  /** Releases every view; call it when the element disconnects or the call ends. */
  releaseAll(): void {
    for (const stream of [...this.#entries.keys()]) this.release(stream);
  }

  async #createView(stream: RenderableStream, entry: ViewEntry): Promise<void> {
    // `createView` has been seen to never settle, so the tile shows a placeholder after the
    // timeout instead of a spinner forever.
    const timer = setTimeout(() => {
      if (!entry.released && entry.status === 'creating') this.#setStatus(stream, entry, 'timed-out');
    }, this.#timeoutMs);

    let view: VideoStreamRendererViewPort;
    try {
      view = await entry.renderer.createView(entry.options);
    } catch {
      if (!entry.released) this.#setStatus(stream, entry, 'failed');
      return;
    } finally {
      clearTimeout(timer);
    }

    // A view that arrives after its stream was released belongs to no one: dispose it here, once.
    if (entry.released) {
      view.dispose();
      return;
    }

    entry.view = view;
    placeTarget(view.target, entry.container);
    this.#setStatus(stream, entry, 'rendered');
  }

  #setStatus(stream: RenderableStream, entry: ViewEntry, status: ViewStatus): void {
    entry.status = status;
    this.#onStatusChange?.(stream, status);
  }
}

/** Makes `target` the only child of `container`, moving it from a previous container if needed. */
function placeTarget(target: HTMLElement, container: HTMLElement): void {
  if (container.childNodes.length === 1 && container.firstChild === target) return;
  container.replaceChildren(target);
}
