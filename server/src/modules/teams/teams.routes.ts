import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import * as teams from './teams.service.js';

const TeamSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  members: Type.Array(Type.Object({ user_id: Uuid, name: Type.String(), email: Type.String() })),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const Name = VisibleText({ maxLength: 200, examples: ['EMEA sales'] });
const Description = Type.String({
  maxLength: 2000,
  examples: ['Accounts in Europe, the Middle East and Africa'],
});
const TeamParams = Type.Object({ team_id: Uuid });
const TeamMemberParams = Type.Object({ team_id: Uuid, user_id: Uuid });

export const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['teams'];

  app.get(
    '/teams',
    {
      schema: {
        tags,
        security,
        summary: "The organization's teams with their members",
        response: { 200: Type.Object({ data: Type.Array(TeamSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await teams.listTeams(contextOf(request)) }),
  );

  app.get(
    '/teams/:team_id',
    {
      schema: {
        tags,
        security,
        summary: 'One team',
        params: TeamParams,
        response: { 200: TeamSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => teams.getTeam(contextOf(request), request.params.team_id),
  );

  app.post(
    '/teams',
    {
      schema: {
        tags,
        security,
        summary: 'Create a team (admins)',
        body: Type.Object(
          { name: Name, description: Type.Optional(Description) },
          { additionalProperties: false },
        ),
        response: { 201: TeamSchema, ...errors(401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await teams.createTeam(contextOf(request), request.body)),
  );

  app.patch(
    '/teams/:team_id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename or describe a team (admins)',
        params: TeamParams,
        body: Type.Object(
          { name: Type.Optional(Name), description: Type.Optional(Description) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: TeamSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => teams.updateTeam(contextOf(request), request.params.team_id, request.body),
  );

  app.delete(
    '/teams/:team_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a team (admins); its members stay in the organization',
        params: TeamParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await teams.deleteTeam(contextOf(request), request.params.team_id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/teams/:team_id/members/:user_id',
    {
      schema: {
        tags,
        security,
        summary: 'Add a member of the organization to a team (admins)',
        params: TeamMemberParams,
        response: { 200: TeamSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      teams.addTeamMember(contextOf(request), request.params.team_id, request.params.user_id),
  );

  app.delete(
    '/teams/:team_id/members/:user_id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove someone from a team (admins)',
        params: TeamMemberParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await teams.removeTeamMember(
        contextOf(request),
        request.params.team_id,
        request.params.user_id,
      );
      return reply.status(204).send(null);
    },
  );
};
