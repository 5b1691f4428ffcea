import { expect } from '@open-wc/testing';
import {
  ConflictError, ForbiddenError, InvalidResourceError, NotFoundError, ServerError, UnauthorizedError,
} from '../../src/core/errors.js';
import type { OperationOutcome } from '../../src/core/fhir.js';
import { MAX_MESSAGE_LENGTH, MESSAGES, errorForStatus, outcomeMessage, parseRetryAfter, parseSecureUrl } from '../../src/core/http.js';

const outcome = (...issue: NonNullable<OperationOutcome['issue']>): OperationOutcome => ({ resourceType: 'OperationOutcome', issue });

describe('HTTP errors a clinician can read', () => {
  it('maps each status to its typed error', () => {
    expect(errorForStatus(401, undefined)).to.be.instanceOf(UnauthorizedError);
    expect(errorForStatus(403, undefined)).to.be.instanceOf(ForbiddenError);
    expect(errorForStatus(404, undefined)).to.be.instanceOf(NotFoundError);
    expect(errorForStatus(410, undefined)).to.be.instanceOf(NotFoundError);
    expect(errorForStatus(409, undefined)).to.be.instanceOf(ConflictError);
    expect(errorForStatus(412, undefined)).to.be.instanceOf(ConflictError);
    expect(errorForStatus(400, undefined)).to.be.instanceOf(ServerError);
    expect(errorForStatus(500, undefined)).to.be.instanceOf(ServerError);
    expect(errorForStatus(302, undefined)).to.be.instanceOf(InvalidResourceError);
    expect(errorForStatus(503, undefined).retryable).to.equal(true);
    expect(errorForStatus(429, undefined).retryable).to.equal(true);
    expect(errorForStatus(400, undefined).retryable).to.equal(false);
    expect(errorForStatus(412, undefined).status).to.equal(412);
  });

  it('takes the message from the OperationOutcome: an error issue first, details.text before diagnostics', () => {
    const body = outcome(
      { severity: 'warning', details: { text: 'Just a warning' } },
      { severity: 'error', diagnostics: 'Diagnostics text', details: { text: '  The   consent\nis not valid ' } },
    );
    const error = errorForStatus(400, body);
    expect(error.message).to.equal('The consent is not valid');
    expect(error.outcome).to.equal(body);
    expect(outcomeMessage(outcome({ severity: 'error', diagnostics: 'Only diagnostics' }))).to.equal('Only diagnostics');
  });

  it('never shows markup or a stack trace from the server: a plain sentence instead', () => {
    const html = outcome({ severity: 'error', details: { text: '<b>Error</b> <script>alert(1)</script>' } });
    expect(errorForStatus(500, html).message).to.equal(MESSAGES.serverError);
    const stack = outcome({ severity: 'error', diagnostics: 'java.lang.NullPointerException\n    at ca.uhn.fhir.Foo.bar(Foo.java:42)' });
    expect(errorForStatus(500, stack).message).to.equal(MESSAGES.serverError);
    const jsStack = outcome({ severity: 'error', diagnostics: "TypeError: x is undefined\n    at handler (/srv/app/server.js:10:5)" });
    expect(errorForStatus(500, jsStack).message).to.equal(MESSAGES.serverError);
  });

  it('caps a long message at a word, with an ellipsis', () => {
    const long = `${'Woord '.repeat(100)}einde`;
    const message = outcomeMessage(outcome({ severity: 'error', details: { text: long } }))!;
    expect(message.length).to.be.at.most(MAX_MESSAGE_LENGTH);
    expect(message.endsWith('Woord…')).to.equal(true);
  });

  it('ignores bodies that are not an OperationOutcome', () => {
    expect(errorForStatus(404, { resourceType: 'Patient', issue: [{ details: { text: 'nope' } }] }).message).to.equal(MESSAGES.notFound);
    expect(errorForStatus(404, 'a string').message).to.equal(MESSAGES.notFound);
    expect(outcomeMessage(outcome())).to.equal(undefined);
    expect(outcomeMessage({ resourceType: 'OperationOutcome', issue: 'broken' })).to.equal(undefined);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, in milliseconds', () => {
    const now = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT');
    expect(parseRetryAfter('3', now)).to.equal(3000);
    expect(parseRetryAfter('0', now)).to.equal(0);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).to.equal(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter('-5')).to.equal(undefined);
    expect(parseRetryAfter('1.5')).to.equal(undefined);
  });
});

describe('secure URLs', () => {
  it('allows https anywhere and http on loopback hosts only', () => {
    expect(parseSecureUrl('https://fhir.example.org/r4').href).to.equal('https://fhir.example.org/r4');
    for (const ok of ['http://localhost:3000/', 'http://127.0.0.1/', 'http://[::1]:8080/', 'http://app.localhost/']) {
      expect(() => parseSecureUrl(ok)).to.not.throw();
    }
    for (const bad of ['http://fhir.example.org/', 'http://192.168.1.10/', 'ftp://fhir.example.org/', 'javascript:alert(1)', 'http://localhost.example.org/']) {
      expect(() => parseSecureUrl(bad), bad).to.throw(TypeError);
    }
  });
});
