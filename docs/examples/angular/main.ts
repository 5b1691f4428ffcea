// Entry of the Angular example, compiled just in time (no Angular CLI): @angular/compiler is loaded
// first so the decorators can compile the template in the browser. Zoneless, so no zone.js.
// Bundled with esbuild and rendered in headless Chromium by test/node/framework-examples.test.mjs.
// An Angular CLI app (ahead-of-time build) drops the '@angular/compiler' import.
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component.js';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] })
  .catch((error: unknown) => console.error(error));
