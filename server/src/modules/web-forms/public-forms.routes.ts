import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { TextDecoder } from 'node:util';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.js';
import { AppError, invalidField, ValidationError, type FieldProblem } from '../../lib/errors.js';
import { plainPage } from './embed.js';
import { FORM_FIELDS, type FormFieldName } from './form-fields.js';
import * as webForms from './web-forms.service.js';

/**
 * The largest submission taken: every lead field of a form at its longest fits well within it;
 * a form with long custom texts may reach it first (decision 0006).
 */
export const FORM_BODY_LIMIT_BYTES = 32 * 1024;

const FORM_ENCODED = 'application/x-www-form-urlencoded';

/** What `newScopedToken` makes: the organization's id, a dot, then the secret in base64url. */
const Token = Type.String({
  maxLength: 200,
  pattern: '^[0-9A-Fa-f-]{36}\\.[A-Za-z0-9_-]{20,}$',
  description: "From the form's embed snippet",
});

/** The bytes of form text read byte for byte (`latin1`), its `%XX` escapes decoded. */
const bytesOf = (text: string) =>
  Buffer.from(
    text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );

/**
 * A form post's fields, read in the charset its Content-Type names (UTF-8 unless it says
 * otherwise: a page in Windows-1252 posts `é` as `%E9`). A name sent more than once (a
 * multi-select's ticked boxes) is read as the list of its values. Text that is not valid in that
 * charset is refused naming its field, rather than kept with U+FFFD in place of what was typed.
 */
function readForm(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw invalidField('content-type', 'names a charset the API does not read', 'malformed');
  }
  const read = (text: string, field: string) => {
    try {
      return decoder.decode(bytesOf(text.replaceAll('+', ' ')));
    } catch {
      throw invalidField(
        field,
        `must be text in ${charset.slice(0, 40)}, the charset the form was sent in`,
        'malformed',
      );
    }
  };
  const fields = new Map<string, string | string[]>();
  // Read byte for byte: raw bytes and escapes alike are decoded with the charset.
  for (const pair of body.toString('latin1').split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = read(at === -1 ? pair : pair.slice(0, at), 'body');
    const value = read(at === -1 ? '' : pair.slice(at + 1), name);
    const previous = fields.get(name);
    fields.set(name, previous === undefined ? value : [previous, value].flat());
  }
  return Object.fromEntries(fields);
}

/** A plain HTML post is answered with a page a person can read, not with JSON. */
function answerPage(reply: FastifyReply, status: number, title: string, lines: string[]) {
  return reply.status(status).type('text/html; charset=utf-8').send(plainPage(title, lines));
}

function fieldLines(error: ValidationError): string[] {
  const fields = (error.details as { fields: FieldProblem[] }).fields;
  return fields.map(({ field, message }) => {
    const label = FORM_FIELDS[field as FormFieldName]?.label;
    // A custom field's message names its label already.
    return label ? `${label} ${message}.` : `${message}.`;
  });
}

/**
 * Web-to-lead submissions from any site: a plain HTML form post (answered with the form's
 * redirect or a thank-you page) or JSON from a script on another origin (answered JSON; CORS is
 * allowed on this endpoint alone). Limited per client address and in size.
 */
export const publicFormRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rateLimit = { max: app.deps.config.webFormRateLimitPerMinute, timeWindow: '1 minute' };

  app.addContentTypeParser(
    FORM_ENCODED,
    { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT_BYTES },
    (request, body, done) => {
      try {
        done(null, readForm(body as Buffer, request.headers['content-type']));
      } catch (error) {
        done(error as Error);
      }
    },
  );
  // Every answer here, errors included, may be read by a script of any site: the form's token
  // is what admits a submission, never the page it comes from, and no cookie is read.
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('access-control-allow-origin', '*');
  });

  app.options('/forms/:token', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '86400')
      .send(),
  );

  app.post(
    '/forms/:token',
    {
      bodyLimit: FORM_BODY_LIMIT_BYTES,
      config: { rateLimit },
      schema: {
        tags: ['web forms'],
        summary: 'Submit a web form: creates a lead in the form’s organization',
        description:
          `Send the form's fields as \`${FORM_ENCODED}\` (a plain HTML form; answered with a 303 to the form's redirect or a thank-you page) ` +
          'or as JSON (answered JSON, CORS allowed). The organization is the one the token names; nothing in the body can choose another. ' +
          'A custom field the form asks for is sent as `cf.<key>`: a select as its option id, a multi-select as a list of ids (in a form post, the name repeated), ' +
          'a checkbox as `true` (left out when unticked), a number as its digits.',
        params: Type.Object({ token: Token }),
        body: Type.Record(Type.String(), Type.Unknown()),
        response: {
          200: Type.Object({
            message: Type.String(),
            redirect_url: Type.Union([Type.String(), Type.Null()]),
          }),
          303: Type.Null({ description: "To the form's redirect address" }),
          ...errors(400, 404, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const plain = request.headers['content-type']?.startsWith(FORM_ENCODED) ?? false;
      const ctx = { deps: app.deps, ip: request.ip };
      try {
        const outcome = await webForms.submitForm(ctx, request.params.token, request.body);
        const message = outcome.thank_you_message || 'Thank you! We will be in touch soon.';
        if (!plain) return { message, redirect_url: outcome.redirect_url };
        const redirect = outcome.redirect_url && webForms.redirectAddress(outcome.redirect_url);
        if (redirect) return reply.redirect(redirect, 303);
        return answerPage(reply, 200, outcome.form_name, [message]);
      } catch (error) {
        if (!plain || !(error instanceof AppError)) throw error;
        if (error instanceof ValidationError) {
          return answerPage(reply, 422, 'Please check the form', [
            ...fieldLines(error),
            'Go back, correct these and send it again.',
          ]);
        }
        if (error.problem === 'not_found') {
          return answerPage(reply, 404, 'Form not found', ['This form is no longer available.']);
        }
        throw error;
      }
    },
  );
};
