import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors } from '../../http/schemas.js';
import * as sampleData from './sample-data.service.js';

const Count = Type.Integer({ minimum: 0 });

const SampleDataStatusSchema = Type.Object(
  {
    loaded: Type.Boolean(),
    counts: Type.Object(
      {
        accounts: Count,
        contacts: Count,
        leads: Count,
        deals: Count,
        tasks: Count,
        notes: Count,
        tags: Count,
      },
      { description: 'How many records of each kind the sample added' },
    ),
  },
  { $id: 'SampleDataStatus' },
);

export const sampleDataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['sample data'];

  app.get(
    '/sample-data',
    {
      schema: {
        tags,
        security,
        summary: 'Whether sample data is loaded in this organization, and how much',
        response: { 200: SampleDataStatusSchema, ...errors(401) },
      },
    },
    async (request) => sampleData.getStatus(contextOf(request)),
  );

  app.post(
    '/sample-data',
    {
      schema: {
        tags,
        security,
        summary: 'Load a realistic set of sample records to try Rampart with (admins)',
        description:
          'Accounts with their contacts, leads, deals across the default pipeline, tasks assigned to you (some overdue, some due today), notes and tags: the same set every time, all at once. Existing records are left alone. 409 when sample data is already loaded.',
        response: { 201: SampleDataStatusSchema, ...errors(401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sampleData.loadSampleData(contextOf(request))),
  );

  app.delete(
    '/sample-data',
    {
      schema: {
        tags,
        security,
        summary: 'Remove the sample records, and only them (admins)',
        description:
          'Records people created stay, even when they point at a sample record; a task added to a sample record loses that link. Notes written on a sample record go with it. 404 when no sample data is loaded.',
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await sampleData.removeSampleData(contextOf(request));
      return reply.status(204).send(null);
    },
  );
};
