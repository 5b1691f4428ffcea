// The viewport helper gives the page the CSS viewport the reflow tests claim to measure, in every
// engine: the window's inner size, media queries, container queries and the document's width at
// the phone, tablet and desktop widths (test/viewport.ts, scripts/wtr-viewport.mjs).
import { expect, fixture, html } from '@open-wc/testing';
import { setViewportSize } from './viewport.js';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

describe('setViewportSize', function () {
  this.timeout(30000);
  after(async () => { await setViewportSize(800, 600); });

  for (const [width, height] of [[320, 800], [390, 844], [390, 420], [768, 1024], [1280, 800]] as const) {
    it(`${width}×${height} CSS px: window, media and container queries, and the document all see that size`, async () => {
      document.body.style.margin = '0';
      const box = await fixture<HTMLElement>(html`<div style="container-type: inline-size">
        <style>
          .probe { width: 1px; }
          @media (max-width: ${width}px) and (min-width: ${width}px) { .probe { height: 1px; } }
          @container (width: ${width}px) { .probe { width: 2px; } }
        </style>
        <div class="probe"></div>
      </div>`);
      await setViewportSize(width, height);
      await frame();
      expect([window.innerWidth, window.innerHeight]).to.deep.equal([width, height]);
      expect(matchMedia(`(width: ${width}px)`).matches, 'media query width').to.equal(true);
      expect(matchMedia(`(height: ${height}px)`).matches, 'media query height').to.equal(true);
      const probe = box.querySelector<HTMLElement>('.probe')!;
      expect(probe.getBoundingClientRect().height, 'a @media rule for this width applies').to.equal(1);
      expect(probe.getBoundingClientRect().width, 'a container as wide as the page is this wide').to.equal(2);
      const page = document.documentElement;
      expect(page.clientWidth, 'the document is laid out this wide').to.equal(width);
      expect(page.scrollWidth, 'nothing scrolls sideways').to.equal(width);
    });
  }
});
