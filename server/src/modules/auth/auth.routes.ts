import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import { outsideRequestScope } from '../../db/request-scope.js';
import { requireSignedIn } from '../../http/authenticate.js';
import { contextOf } from '../../http/context.js';
import { UnauthorizedError } from '../../lib/errors.js';
import {
  Email,
  errors,
  OrgSchema,
  OrgWithRoleSchema,
  Password,
  SessionSchema,
  UserSchema,
  Uuid,
  VisibleText,
} from '../../http/schemas.js';
import * as auth from './auth.service.js';

/** The web app keeps the refresh token here, out of reach of page scripts. */
export const REFRESH_COOKIE = 'rampart_refresh';
const COOKIE_PATH = '/api/v1/auth';

/** Tokens look like `<id>.<secret>`. */
const RefreshTokenExample =
  '0f8fad5b-d9cb-469f-a165-70867728950e.mS0T1Qx2u0m9u2v5b0V7f3oQ8yYd2bq1gk3Jr5sX7aU';

const Name = VisibleText({ maxLength: 200, examples: ['Ada Lovelace'] });

/** Hands the refresh token of a new session to the web app; every sign-in route does this. */
export function setRefreshCookie(
  reply: FastifyReply,
  config: Pick<Config, 'publicUrl'>,
  token: string,
): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https://'),
    maxAge: auth.REFRESH_TOKEN_TTL_DAYS * 86_400,
  });
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.deps;
  const publicContext = (request: FastifyRequest): auth.PublicContext => ({
    deps: app.deps,
    ip: request.ip,
  });
  const rateLimit = { max: config.authRateLimitPerMinute, timeWindow: '1 minute' };

  const NewAccountSchema = Type.Object({
    ...SessionSchema.properties,
    user: UserSchema,
    org: OrgSchema,
  });
  const TokenFromLink = Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'From the emailed link',
    examples: [RefreshTokenExample],
  });

  app.post(
    '/auth/register',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign up: an account, its organization, and a session as its owner',
        description:
          'Where the instance verifies email addresses (`SIGNUP_EMAIL_VERIFICATION`), the answer ' +
          'is 202, the same whether or not the email already has an account, and an email goes to ' +
          'the address: a link that creates the account (`POST /auth/register/confirm`), or a ' +
          'note that it already has one. `email_configured` is false when this instance cannot ' +
          'send email: the link then goes to the server log only. Otherwise the account is ' +
          'created at once (201), and an email that has an account is refused (409).',
        body: Type.Object(
          {
            email: Email,
            password: Password,
            name: Name,
            org_name: VisibleText({ maxLength: 200, examples: ['Acme Inc.'] }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: NewAccountSchema,
          202: Type.Object({ status: Type.String(), email_configured: Type.Boolean() }),
          ...errors(409, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const outcome = await auth.register(publicContext(request), request.body);
      if (outcome.kind === 'created') {
        setRefreshCookie(reply, config, outcome.account.refresh_token);
        return reply.status(201).send(outcome.account);
      }
      // Without SMTP no message can leave: saying "check your inbox" would have people wait
      // for nothing. Whether the instance sends email says nothing about any account.
      const emailConfigured = app.deps.mailer.configured;
      return reply.status(202).send({
        status: emailConfigured
          ? 'We have emailed this address. Open the link in that email to finish creating your ' +
            'account, or, if the address already has an account, the email says how to sign in.'
          : 'This Rampart instance has no email configured, so the link to finish creating your ' +
            'account cannot be emailed. Ask the person who runs this instance: it is written to ' +
            'its server log.',
        email_configured: emailConfigured,
      });
    },
  );

  app.post(
    '/auth/register/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Create the account of a sign-up with the token from its emailed link',
        description:
          'Works once, within 24 hours of the sign-up. Signs in as the owner of the new organization.',
        body: Type.Object({ token: TokenFromLink }, { additionalProperties: false }),
        response: { 201: NewAccountSchema, ...errors(400, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const account = await auth.completeSignup(publicContext(request), request.body.token);
      setRefreshCookie(reply, config, account.refresh_token);
      return reply.status(201).send(account);
    },
  );

  app.post(
    '/auth/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'An unknown email and a wrong password get the same answer. Repeated failures from one address wait a doubling time, up to 15 minutes; failures from many addresses slow the account by at most a minute (429 with Retry-After).',
        body: Type.Object(
          {
            email: Email,
            password: Type.String({
              minLength: 1,
              maxLength: 200,
              examples: ['correct horse battery staple'],
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            ...SessionSchema.properties,
            user: UserSchema,
            orgs: Type.Array(OrgWithRoleSchema),
          }),
          ...errors(401, 403, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await auth.login(publicContext(request), request.body);
      setRefreshCookie(reply, config, result.refresh_token);
      return result;
    },
  );

  const RefreshBody = Type.Object(
    {
      refresh_token: Type.Optional(
        Type.String({ minLength: 1, maxLength: 200, examples: [RefreshTokenExample] }),
      ),
    },
    { additionalProperties: false },
  );
  // The web app sends no body at all and relies on the cookie. A body that is there, even a
  // JSON `null`, is checked against the schema like any other.
  const emptyBodyAllowed = async (request: FastifyRequest) => {
    if (request.body === undefined) request.body = {};
  };
  const refreshTokenOf = (request: FastifyRequest<{ Body: { refresh_token?: string } }>) =>
    request.body.refresh_token ?? request.cookies[REFRESH_COOKIE];

  app.post(
    '/auth/refresh',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token (body or cookie) for a new token pair',
        description:
          'Each refresh token works once. Presenting a used one revokes every token of its sign-in. ' +
          'The browser shares one refresh cookie between its tabs, so a tab names the organization ' +
          'it shows in `org_id`: it stays there even after another tab switched organization ' +
          '(401 if the user is no longer a member of it). Without `org_id`, the new tokens are for ' +
          'the organization the sign-in last used.',
        body: Type.Object(
          {
            ...RefreshBody.properties,
            org_id: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionSchema, ...errors(401, 422) },
      },
      preValidation: emptyBodyAllowed,
    },
    async (request, reply) => {
      const token = refreshTokenOf(request);
      if (!token) throw new UnauthorizedError('No refresh token: send refresh_token or the cookie');
      const session = await auth.refresh(publicContext(request), token, request.body.org_id);
      setRefreshCookie(reply, config, session.refresh_token);
      return session;
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Sign out: revoke the refresh token (body or cookie) and every token of its sign-in',
        body: RefreshBody,
        response: { 204: Type.Null(), ...errors(422) },
      },
      preValidation: emptyBodyAllowed,
    },
    async (request, reply) => {
      await auth.logout(publicContext(request), refreshTokenOf(request));
      void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Email a password reset link',
        description:
          'Always 202, whether or not the email has an account, and answered before the email is ' +
          'looked up: how long the answer takes says nothing about the account either. ' +
          '`email_configured` is false when this instance cannot send email: the link then goes ' +
          'to the server log only, and the person must ask whoever runs the instance.',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: {
          202: Type.Object({ status: Type.String(), email_configured: Type.Boolean() }),
          ...errors(422, 429),
        },
      },
    },
    async (request, reply) => {
      // Without SMTP no message can leave: saying "on its way" would have people wait for
      // nothing. Whether the instance sends email says nothing about any account.
      const emailConfigured = app.deps.mailer.configured;
      await reply.status(202).send({
        status: emailConfigured
          ? 'If an account exists for this email, a reset link is on its way'
          : 'This Rampart instance has no email configured, so no reset link can be emailed. ' +
            'Ask the person who runs this instance: the link is written to its server log.',
        email_configured: emailConfigured,
      });
      // After the answer: an outsider cannot time the lookup to learn whether the email has
      // an account. A failure here is the server's to log; the answer was the same anyway. Not
      // the request's work any more: its client has its answer and may go, which must not
      // cancel the reset (admission cancels what a request's gone client leaves running).
      outsideRequestScope(() =>
        auth
          .requestPasswordReset(publicContext(request), request.body)
          .catch((error: unknown) => request.log.error({ err: error }, 'password reset failed')),
      );
      return reply;
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the token from a reset link',
        body: Type.Object(
          {
            token: Type.String({ minLength: 1, maxLength: 200, examples: [RefreshTokenExample] }),
            password: Password,
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 422, 429) },
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset(publicContext(request), request.body);
      return reply.status(204).send(null);
    },
  );

  await app.register(async (scope) => {
    requireSignedIn(scope);
    const signedIn = scope.withTypeProvider<TypeBoxTypeProvider>();
    signedIn.post(
      '/auth/switch-org',
      {
        schema: {
          tags: ['auth'],
          summary: 'Work in another organization you belong to: new tokens for it',
          security: [{ bearerAuth: [] }],
          body: Type.Object({ org_id: Uuid }, { additionalProperties: false }),
          response: { 200: SessionSchema, ...errors(401, 404, 422) },
        },
      },
      async (request, reply) => {
        const session = await auth.switchOrg(contextOf(request), request.body.org_id);
        setRefreshCookie(reply, config, session.refresh_token);
        return session;
      },
    );
  });
};
