// Every JavaScript entry of the package's `exports`, so each bundler must resolve them all.
import * as all from 'zorgkit';
import * as core from 'zorgkit/core';
import * as model from 'zorgkit/model';
import * as context from 'zorgkit/context';
import * as banner from 'zorgkit/patient-banner';
import * as list from 'zorgkit/medication-list';
import * as dialog from 'zorgkit/consent-dialog';
import * as memory from 'zorgkit/adapters/memory';
import * as rest from 'zorgkit/adapters/fhir-rest';
import * as smart from 'zorgkit/adapters/smart';
import * as bundle from 'zorgkit/zorgkit.js';
import * as react from 'zorgkit/react';
import manifest from 'zorgkit/custom-elements.json';
import pkg from 'zorgkit/package.json';

export const entries = [all, core, model, context, banner, list, dialog, memory, rest, smart, bundle, react, manifest, pkg];
