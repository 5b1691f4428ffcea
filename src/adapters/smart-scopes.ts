// SMART App Launch scopes: what zorgkit's components ask for, and what a granted scope string
// allows. Pure functions (no oidc-client-ts), so the SmartAdapter's module stays light.

/** A SMART permission letter (SMART 2: c create, r read, u update, d delete, s search). */
export type SmartPermission = 'c' | 'r' | 'u' | 'd' | 's';

/** One parsed resource scope such as `patient/Consent.crus` or (SMART 1) `user/*.read`. */
export interface ResourceScope {
  level: 'patient' | 'user' | 'system';
  /** The resource type, or `*` for every type. */
  type: string;
  permissions: ReadonlySet<SmartPermission>;
}

/** What the components read (`rs`) and write (Consent: `cu`), as SMART 2 patient scopes. */
export const COMPONENT_SCOPES: readonly string[] = [
  'patient/Patient.rs',
  'patient/AllergyIntolerance.rs',
  'patient/MedicationRequest.rs',
  'patient/MedicationStatement.rs',
  'patient/Medication.rs',
  'patient/Consent.crus',
];

// v2: letters in the order c r u d s, at least one. v1: read | write | *.
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{0,63})\.(\*|read|write|(?=[cruds])c?r?u?d?s?)$/;

function lettersOf(permission: string): SmartPermission[] {
  if (permission === '*') return ['c', 'r', 'u', 'd', 's'];
  if (permission === 'read') return ['r', 's'];
  if (permission === 'write') return ['c', 'u', 'd'];
  return [...permission] as SmartPermission[];
}

/** Parses one scope; `undefined` for anything that is not a resource scope (`openid`, `launch`, …). */
export function parseResourceScope(scope: string): ResourceScope | undefined {
  const m = RESOURCE_SCOPE.exec(scope);
  if (!m) return undefined;
  return { level: m[1] as ResourceScope['level'], type: m[2], permissions: new Set(lettersOf(m[3])) };
}

/** Splits a space-separated scope string (as in a token response) into scopes. */
export function splitScopes(scope: string | undefined | null): string[] {
  return typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : [];
}

/** The permissions a granted scope string gives on `type` (any level, `*` included). */
export function permissionsFor(scope: string | undefined | null, type: string): Set<SmartPermission> {
  const out = new Set<SmartPermission>();
  for (const s of splitScopes(scope)) {
    const parsed = parseResourceScope(s);
    if (parsed && (parsed.type === '*' || parsed.type === type)) for (const p of parsed.permissions) out.add(p);
  }
  return out;
}

/**
 * Whether the grant lets the app create resources of `type` (a `c` on that type or on `*`). The
 * components show a type as read-only otherwise. Updates without `u` are refused by the server.
 */
export function grantAllowsWrite(scope: string | undefined | null, type: string): boolean {
  return permissionsFor(scope, type).has('c');
}

/** The scopes to request for a launch. */
export function requestedScopes(options: {
  /** `ehr`: the `launch` scope; `standalone`: `launch/patient` (the server asks for a patient). */
  launch: 'ehr' | 'standalone';
  /** Ask for read access only (no `c`/`u` on Consent). */
  readOnly?: boolean;
  /** Which refresh token to ask for (default `online_access`, the one for apps in a browser). */
  refresh?: 'online_access' | 'offline_access' | false;
  /** Resource scopes instead of COMPONENT_SCOPES. */
  resources?: readonly string[];
}): string[] {
  const resources = (options.resources ?? COMPONENT_SCOPES).map((s) => {
    if (!options.readOnly) return s;
    const parsed = parseResourceScope(s);
    if (!parsed) return s;
    const kept = (['r', 's'] as const).filter((p) => parsed.permissions.has(p)).join('');
    return kept ? `${parsed.level}/${parsed.type}.${kept}` : '';
  }).filter(Boolean);
  const refresh = options.refresh ?? 'online_access';
  return [
    'openid', 'fhirUser',
    options.launch === 'ehr' ? 'launch' : 'launch/patient',
    ...(refresh ? [refresh] : []),
    ...resources,
  ];
}
