import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { HostedContents } from '../../services/chat/hosted-contents.js';

/** Messages of the element's localized strings that inline images need. */
export interface InlineImageTexts {
  loading: string;
  failed: string;
}

/**
 * Shows the inline images of rendered messages. The sanitizer turns each hosted content image
 * into `<img data-hosted-content="<Graph URL>">` without a `src`. This controller watches the
 * element's shadow root, and for each such image that appears, fetches the content with the access
 * token and sets a blob URL as its `src`. When the image leaves the DOM (scrolled out of a
 * virtualized thread, or the chat closed), it releases the blob URL, which is then revoked. An image
 * that fails to load becomes a placeholder with a text, `part="image-placeholder"`.
 */
export class InlineImagesController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getImages: () => HostedContents | undefined;
  readonly #getTexts: () => InlineImageTexts;
  /** Images that hold a reference, with the URL they hold it for. */
  readonly #held = new Map<HTMLImageElement, string>();
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, getImages: () => HostedContents | undefined, getTexts: () => InlineImageTexts) {
    this.#host = host;
    this.#getImages = getImages;
    this.#getTexts = getTexts;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer ??= new MutationObserver(() => this.#sync());
  }

  hostUpdated(): void {
    const root = this.#host.shadowRoot;
    if (root === null || this.#observer === undefined) return;
    // Observing again is harmless: the same root and options replace the earlier registration.
    this.#observer.observe(root, { childList: true, subtree: true });
    this.#sync();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    for (const [image, url] of this.#held) this.#release(image, url);
  }

  /** Loads images that appeared and releases those that left. */
  #sync(): void {
    const root = this.#host.shadowRoot;
    const images = this.#getImages();
    if (root === null) return;

    for (const [image, url] of this.#held) {
      if (!image.isConnected) this.#release(image, url);
    }
    if (images === undefined) return;

    for (const image of root.querySelectorAll<HTMLImageElement>('img[data-hosted-content]:not([data-image-state])')) {
      this.#load(image, images);
    }
  }

  #load(image: HTMLImageElement, images: HostedContents): void {
    const url = image.dataset['hostedContent']!;
    const texts = this.#getTexts();
    image.dataset['imageState'] = 'loading';
    image.setAttribute('aria-busy', 'true');
    if (!image.alt) image.alt = texts.loading;
    this.#held.set(image, url);

    images.acquire(url).then(
      (blobUrl) => {
        if (!image.isConnected) return;
        image.src = blobUrl;
        image.dataset['imageState'] = 'loaded';
        image.removeAttribute('aria-busy');
        if (image.alt === texts.loading) image.alt = '';
      },
      () => {
        this.#held.delete(image);
        if (!image.isConnected) return;
        image.replaceWith(placeholder(texts.failed, image));
      },
    );
  }

  #release(image: HTMLImageElement, url: string): void {
    this.#held.delete(image);
    this.#getImages()?.release(url);
  }
}

/** Builds the placeholder of a failed image, as large as the image would have been. */
function placeholder(text: string, image: HTMLImageElement): HTMLElement {
  const element = document.createElement('span');
  element.className = 'image-placeholder';
  element.setAttribute('part', 'image-placeholder');
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', text);
  element.textContent = text;
  const width = Number(image.getAttribute('width'));
  const height = Number(image.getAttribute('height'));
  if (width > 0) element.style.width = `${width}px`;
  if (height > 0) element.style.minHeight = `${Math.min(height, 120)}px`;
  return element;
}
