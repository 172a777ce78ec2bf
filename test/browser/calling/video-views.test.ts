import { expect } from '@open-wc/testing';

import { type ViewStatus, VideoViews } from '../../../src/services/calling/video-views.js';
import { FakeRemoteVideoStream, PortDouble } from './port-double.js';

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function tile(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  return container;
}

describe('VideoViews', () => {
  let double: PortDouble;

  beforeEach(() => {
    double = new PortDouble();
  });

  afterEach(() => {
    document.body.replaceChildren();
  });

  it('puts the view target into the container', async () => {
    const views = new VideoViews(double.module);
    const container = tile();
    views.show(new FakeRemoteVideoStream(1, 'Video', true), container);
    await nextTask();
    expect(container.querySelectorAll('video').length).to.equal(1);
  });

  it('reports creating, then rendered', async () => {
    const statuses: ViewStatus[] = [];
    const views = new VideoViews(double.module, { onStatusChange: (_stream, status) => statuses.push(status) });
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    views.show(stream, tile());
    expect(views.statusOf(stream)).to.equal('creating');
    await nextTask();
    expect(statuses).to.deep.equal(['rendered']);
  });

  it('creates one renderer and one view per stream', async () => {
    const views = new VideoViews(double.module);
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    const container = tile();
    views.show(stream, container);
    views.show(stream, container);
    await nextTask();
    views.show(stream, container);
    expect(double.renderers.length).to.equal(1);
    expect(double.views.length).to.equal(1);
  });

  it('never puts a second video into a tile', async () => {
    const views = new VideoViews(double.module);
    const container = tile();
    const first = new FakeRemoteVideoStream(1, 'Video', true);
    views.show(first, container);
    await nextTask();

    // The same tile now shows a new stream object for the same participant.
    const second = new FakeRemoteVideoStream(1, 'Video', true);
    views.show(second, container);
    await nextTask();
    views.retain([second]);
    expect(container.querySelectorAll('video').length).to.equal(1);
  });

  it('moves a view to a new container', async () => {
    const views = new VideoViews(double.module);
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    const before = tile();
    const after = tile();
    views.show(stream, before);
    await nextTask();
    views.show(stream, after);
    expect(before.querySelectorAll('video').length).to.equal(0);
    expect(after.querySelectorAll('video').length).to.equal(1);
  });

  it('disposes view and renderer once on release', async () => {
    const views = new VideoViews(double.module);
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    const container = tile();
    views.show(stream, container);
    await nextTask();
    views.release(stream);
    views.release(stream);
    views.releaseAll();
    expect(double.views[0]!.disposeCount).to.equal(1);
    expect(double.renderers[0]!.disposeCount).to.equal(1);
    expect(container.childElementCount).to.equal(0);
  });

  it('disposes every view once across remove and re-add cycles', async () => {
    const views = new VideoViews(double.module);
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    const container = tile();
    for (let cycle = 0; cycle < 5; cycle++) {
      views.show(stream, container);
      await nextTask();
      views.retain([]);
    }
    expect(double.views.length).to.equal(5);
    expect(double.views.map((view) => view.disposeCount)).to.deep.equal([1, 1, 1, 1, 1]);
    expect(double.renderers.map((renderer) => renderer.disposeCount)).to.deep.equal([1, 1, 1, 1, 1]);
    expect(container.querySelectorAll('video').length).to.equal(0);
  });

  it('retains only the streams it is given', async () => {
    const views = new VideoViews(double.module);
    const kept = new FakeRemoteVideoStream(1, 'Video', true);
    const dropped = new FakeRemoteVideoStream(2, 'Video', true);
    views.show(kept, tile());
    views.show(dropped, tile());
    await nextTask();
    views.retain([kept]);
    expect(views.statusOf(kept)).to.equal('rendered');
    expect(views.statusOf(dropped)).to.equal(undefined);
    expect(double.renderers[0]!.disposeCount).to.equal(0);
    expect(double.renderers[1]!.disposeCount).to.equal(1);
  });

  it('times out a createView that hangs', async () => {
    double.createViewMode = 'hang';
    const statuses: ViewStatus[] = [];
    const views = new VideoViews(double.module, { createViewTimeoutMs: 20, onStatusChange: (_stream, status) => statuses.push(status) });
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    views.show(stream, tile());
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(views.statusOf(stream)).to.equal('timed-out');
    expect(statuses).to.deep.equal(['timed-out']);
  });

  it('uses a view that arrives after the timeout', async () => {
    double.createViewMode = 'manual';
    const views = new VideoViews(double.module, { createViewTimeoutMs: 10 });
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    const container = tile();
    views.show(stream, container);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(views.statusOf(stream)).to.equal('timed-out');

    double.renderers[0]!.resolvePending!();
    await nextTask();
    expect(views.statusOf(stream)).to.equal('rendered');
    expect(container.querySelectorAll('video').length).to.equal(1);
  });

  it('disposes a view that arrives after release', async () => {
    double.createViewMode = 'manual';
    const views = new VideoViews(double.module);
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    const container = tile();
    views.show(stream, container);
    views.release(stream);
    double.renderers[0]!.resolvePending!();
    await nextTask();
    expect(double.views[0]!.disposeCount).to.equal(1);
    expect(double.renderers[0]!.disposeCount).to.equal(1);
    expect(container.childElementCount).to.equal(0);
  });

  it('reports a failed createView', async () => {
    double.createViewMode = 'reject';
    const views = new VideoViews(double.module);
    const stream = new FakeRemoteVideoStream(1, 'Video', true);
    views.show(stream, tile());
    await nextTask();
    expect(views.statusOf(stream)).to.equal('failed');
  });

  it('passes view options to createView', async () => {
    const views = new VideoViews(double.module);
    views.show(new FakeRemoteVideoStream(1, 'ScreenSharing', true), tile(), { scalingMode: 'Fit', isMirrored: true });
    await nextTask();
    expect(double.views[0]!.scalingMode).to.equal('Fit');
    expect(double.views[0]!.isMirrored).to.equal(true);
  });
});
