// SMART scopes as the sandbox's FHIR proxy enforces them: v2 (`patient/Consent.crus`) and v1
// (`patient/Consent.read`, `.write`, `.*`). The browser-side twin (what the components show as
// writable) is src/adapters/smart-scopes.ts; this one decides what the server lets through.

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(\*|read|write|(?=[cruds])c?r?u?d?s?)$/;

/** The permission letters (subset of "cruds") a scope's permission part stands for. */
function letters(permission) {
  if (permission === '*') return 'cruds';
  if (permission === 'read') return 'rs';
  if (permission === 'write') return 'cud';
  return permission;
}

/** Parses one scope; `undefined` when it is not a resource scope. */
export function parseResourceScope(scope) {
  const m = RESOURCE_SCOPE.exec(scope);
  if (!m) return undefined;
  return { level: m[1], type: m[2], permissions: new Set(letters(m[3])) };
}

/** Whether a space-separated scope string allows `permission` (one of c r u d s) on `type`. */
export function allows(scopeString, type, permission) {
  for (const scope of String(scopeString ?? '').split(/\s+/)) {
    const parsed = parseResourceScope(scope);
    if (parsed && (parsed.type === '*' || parsed.type === type) && parsed.permissions.has(permission)) return true;
  }
  return false;
}

/**
 * Narrows the resource scopes of `requested` as the user chose on the consent page: with
 * `readOnly`, c/u/d are removed (`patient/Consent.crus` → `patient/Consent.rs`); scopes left with
 * no permission are dropped. Other scopes pass unchanged.
 */
export function narrowScopes(requested, { readOnly = false } = {}) {
  const out = [];
  for (const scope of requested) {
    const parsed = parseResourceScope(scope);
    if (!parsed || !readOnly) {
      out.push(scope);
      continue;
    }
    const kept = [...'rs'].filter((p) => parsed.permissions.has(p)).join('');
    if (kept) out.push(`${parsed.level}/${parsed.type}.${kept}`);
  }
  return out;
}

/**
 * What a FHIR REST request needs: the resource type and the permission letter, or `undefined`
 * for requests the sandbox does not allow with any scope (batch/transaction, system-wide search).
 */
export function requiredPermission(method, relPath) {
  const segments = relPath.split('/').filter(Boolean);
  const type = segments[0];
  if (!type || !/^[A-Z][A-Za-z]+$/.test(type)) return undefined;
  switch (method) {
    case 'GET':
    case 'HEAD':
      return { type, permission: segments.length === 1 ? 's' : 'r' };
    case 'POST':
      if (segments.length === 2 && segments[1] === '_search') return { type, permission: 's' };
      return segments.length === 1 ? { type, permission: 'c' } : undefined;
    case 'PUT':
    case 'PATCH':
      return segments.length === 2 ? { type, permission: 'u' } : undefined;
    case 'DELETE':
      return segments.length === 2 ? { type, permission: 'd' } : undefined;
    default:
      return undefined;
  }
}
