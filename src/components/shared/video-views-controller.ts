import type { CreateViewOptions } from '@azure/communication-calling';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { CallingModule } from '../../services/calling/port.js';
import { type RenderableStream, VideoViews, type ViewStatus } from '../../services/calling/video-views.js';

/** The element side of `VideoViews`: renders tiles' containers and fills them after each update. */
export interface VideoViewsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Fills an element's video containers with renderer views. During `render()` the element calls
 * `container(key, stream)` for each tile and puts the result in the `data-view` attribute of an
 * empty `<div>`. After the update, each such `<div>` receives the stream's view. Streams not
 * rendered in an update have their views disposed, and all are disposed on disconnect.
 */
export class VideoViewsController implements ReactiveController {
  readonly #host: VideoViewsHost;
  readonly #getModule: () => CallingModule | undefined;
  #views: VideoViews | undefined;
  #module: CallingModule | undefined;
  #rendered = new Map<string, { stream: RenderableStream; options: CreateViewOptions | undefined }>();

  constructor(host: VideoViewsHost, getModule: () => CallingModule | undefined) {
    this.#host = host;
    this.#getModule = getModule;
    host.addController(this);
  }

  /** Records a tile's stream for this update and returns the value of its `data-view` attribute. */
  container(key: string, stream: RenderableStream, options?: CreateViewOptions): string {
    this.#rendered.set(key, { stream, options });
    return key;
  }

  /** Returns the status of the stream's view, for the tile's placeholder. */
  statusOf(stream: RenderableStream): ViewStatus | undefined {
    return this.#views?.statusOf(stream);
  }

  hostUpdate(): void {
    this.#rendered = new Map();
  }

  hostUpdated(): void {
    const module = this.#getModule();
    if (module !== this.#module) {
      this.#views?.releaseAll();
      this.#module = module;
      this.#views = module === undefined ? undefined : new VideoViews(module, { onStatusChange: () => this.#host.requestUpdate() });
    }
    if (this.#views === undefined) return;

    const renderedStreams: RenderableStream[] = [];
    for (const container of this.#host.renderRoot.querySelectorAll<HTMLElement>('[data-view]')) {
      const tile = this.#rendered.get(container.dataset['view'] ?? '');
      if (tile === undefined) continue;
      this.#views.show(tile.stream, container, tile.options);
      renderedStreams.push(tile.stream);
    }
    this.#views.retain(renderedStreams);
  }

  hostDisconnected(): void {
    this.#views?.releaseAll();
    this.#views = undefined;
    this.#module = undefined;
  }
}
