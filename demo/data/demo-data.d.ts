// Types for demo-data.js: the fictional zorgkit demo data set (a FHIR R4 collection Bundle).

/** One patient in the demo patient picker. */
export interface DemoPatientSummary {
  /** Patient.id, e.g. "patient-van-putten". */
  id: string;
  /** A display name for the picker. */
  label: string;
  /** One line (English) on why this patient is interesting. */
  description: string;
}

/** Any FHIR R4 resource in the demo bundle (loosely typed). */
export type DemoResource = Record<string, unknown> & { resourceType: string; id: string };

/** A Bundle entry: fullUrl is "<ResourceType>/<id>". */
export interface DemoBundleEntry {
  fullUrl: string;
  resource: DemoResource;
}

/** The demo data set as a FHIR R4 Bundle of type "collection". */
export interface DemoBundle extends Record<string, unknown> {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: DemoBundleEntry[];
}

/** The FHIR R4 Bundle (type "collection") with every demo resource. */
export declare const demoBundle: DemoBundle;

/** One entry per demo patient, in picker order. */
export declare const demoPatients: DemoPatientSummary[];

/** The reference date the data set was designed around (YYYY-MM-DD). */
export declare const DEMO_TODAY: '2026-11-22';
