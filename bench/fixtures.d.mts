// Types for fixtures.mjs (the bench pages import it from TypeScript).
import type { Bundle, MedicationRequest, Patient } from '../src/core/fhir.js';

export const BENCH_PATIENT_ID: string;
export const FILTER_CHAR: string;
export function prng(seed: number): () => number;
export function benchPatient(): Patient;
export function medicationRequests(n: number, seed?: number): MedicationRequest[];
export function benchBundle(n: number, seed?: number): Bundle;
export function medicineName(request: MedicationRequest): string;
