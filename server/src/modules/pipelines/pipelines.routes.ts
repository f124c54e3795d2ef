import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TProperties } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import { Nullable, stageKind, StageKindSchema } from '../records/schemas.js';
import * as pipelines from './pipelines.service.js';

export const StageSchema = Type.Object({
  id: Uuid,
  pipeline_id: Uuid,
  name: Type.String(),
  position: Type.Integer(),
  probability: Type.Integer(),
  kind: StageKindSchema,
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** A pipeline's own fields, without its stages. */
export const PipelineFields = {
  id: Uuid,
  name: Type.String(),
  is_default: Type.Boolean(),
  position: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
  created_by: Nullable(Uuid),
} satisfies TProperties;

export const PipelineSchema = Type.Object(
  { ...PipelineFields, stages: Type.Array(StageSchema) },
  { $id: 'Pipeline' },
);

const PipelineName = VisibleText({ maxLength: 200, examples: ['Enterprise sales'] });
const stageFields = {
  name: VisibleText({ maxLength: 200, examples: ['Demo scheduled'] }),
  probability: Type.Integer({
    minimum: 0,
    maximum: 100,
    examples: [40],
    description: 'Win probability in percent; defaults to 100 for won, 0 for lost, 50 for open',
  }),
  kind: Type.Optional(stageKind({ default: 'open', examples: ['open'] })),
};
const Position = Type.Integer({
  minimum: 0,
  maximum: 1000,
  examples: [2],
  description: 'Place in the pipeline, from 0; the other stages are renumbered around it',
});

const StageInput = Type.Object(
  {
    name: stageFields.name,
    probability: Type.Optional(stageFields.probability),
    kind: stageFields.kind,
  },
  { additionalProperties: false },
);

const PipelineParams = Type.Object({ pipeline_id: Uuid });
const StageParams = Type.Object({ pipeline_id: Uuid, stage_id: Uuid });

export const pipelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['pipelines'];

  app.get(
    '/pipelines',
    {
      schema: {
        tags,
        security,
        summary: "The organization's pipelines, each with its stages in order",
        response: { 200: Type.Object({ data: Type.Array(PipelineSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await pipelines.listPipelines(contextOf(request)) }),
  );

  app.get(
    '/pipelines/:pipeline_id',
    {
      schema: {
        tags,
        security,
        summary: 'One pipeline with its stages',
        params: PipelineParams,
        response: { 200: PipelineSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => pipelines.getPipeline(contextOf(request), request.params.pipeline_id),
  );

  app.post(
    '/pipelines',
    {
      schema: {
        tags,
        security,
        summary: 'Create a pipeline (admins)',
        description:
          'Without `stages` the pipeline gets Prospecting, Qualification, Proposal and Negotiation (open), Closed won and Closed lost. A pipeline needs at least one open stage.',
        body: Type.Object(
          {
            name: PipelineName,
            stages: Type.Optional(
              Type.Array(StageInput, {
                minItems: 1,
                maxItems: 50,
                examples: [
                  [
                    { name: 'Discovery', probability: 20, kind: 'open' },
                    { name: 'Signed', probability: 100, kind: 'won' },
                    { name: 'Lost', probability: 0, kind: 'lost' },
                  ],
                ],
              }),
            ),
            is_default: Type.Optional(Type.Boolean({ examples: [false] })),
          },
          { additionalProperties: false },
        ),
        response: { 201: PipelineSchema, ...errors(401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pipelines.createPipeline(contextOf(request), request.body)),
  );

  app.patch(
    '/pipelines/:pipeline_id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename a pipeline or make it the default (admins)',
        description:
          'Making a pipeline the default takes that role from the previous default; the default cannot simply be unset.',
        params: PipelineParams,
        body: Type.Object(
          {
            name: Type.Optional(PipelineName),
            is_default: Type.Optional(Type.Boolean({ examples: [true] })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: PipelineSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      pipelines.updatePipeline(contextOf(request), request.params.pipeline_id, request.body),
  );

  app.delete(
    '/pipelines/:pipeline_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a pipeline that holds no deals and is not the default (admins)',
        params: PipelineParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await pipelines.deletePipeline(contextOf(request), request.params.pipeline_id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/pipelines/:pipeline_id/stages',
    {
      schema: {
        tags,
        security,
        summary: 'Add a stage to a pipeline (admins); it goes last unless given a position',
        description: 'Answers with the whole pipeline, since the other stages may have moved.',
        params: PipelineParams,
        body: Type.Object(
          {
            name: stageFields.name,
            probability: Type.Optional(stageFields.probability),
            kind: stageFields.kind,
            position: Type.Optional(Position),
          },
          { additionalProperties: false },
        ),
        response: { 201: PipelineSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await pipelines.createStage(contextOf(request), request.params.pipeline_id, request.body),
        ),
  );

  app.patch(
    '/pipelines/:pipeline_id/stages/:stage_id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename, reweigh, re-kind or move a stage (admins); answers with the pipeline',
        description:
          'Turning a stage won or lost closes its deals; turning it open reopens them. A pipeline keeps at least one open stage.',
        params: StageParams,
        body: Type.Object(
          {
            name: Type.Optional(stageFields.name),
            probability: Type.Optional(stageFields.probability),
            kind: Type.Optional(stageKind({ examples: ['won'] })),
            position: Type.Optional(Position),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: PipelineSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      pipelines.updateStage(
        contextOf(request),
        request.params.pipeline_id,
        request.params.stage_id,
        request.body,
      ),
  );

  app.delete(
    '/pipelines/:pipeline_id/stages/:stage_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a stage that holds no deals (admins)',
        params: StageParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await pipelines.deleteStage(
        contextOf(request),
        request.params.pipeline_id,
        request.params.stage_id,
      );
      return reply.status(204).send(null);
    },
  );
};
