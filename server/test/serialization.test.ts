import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { responseSerializers, writtenWhole } from '../src/http/serialization.js';
import { CustomFieldsOutput } from '../src/modules/records/schemas.js';

const serializerOf = (schema: object) =>
  responseSerializers()({}, {})({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('response serializers', () => {
  const record = {
    id: 'a',
    custom_fields: {
      region: 'c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a',
      score: 12.5,
      vip: false,
      colours: ['b', 'a'],
      quote: 'say "hi"\n\u2028',
      empty: null,
    },
    internal: 'never shown',
  };

  it('writes a map of custom values whole, as JSON.stringify writes it', () => {
    const serialize = serializerOf(
      Type.Object({ id: Type.String(), custom_fields: CustomFieldsOutput }),
    );
    const written = JSON.parse(serialize(record)) as typeof record;
    expect(written).toEqual({ id: 'a', custom_fields: record.custom_fields });
    expect(serialize(record)).toContain(JSON.stringify(record.custom_fields));
  });

  it('still leaves out what the schema does not name, around and inside marked parts', () => {
    const serialize = serializerOf(
      Type.Object({
        id: Type.String(),
        nested: Type.Object({
          kept: Type.String(),
          map: writtenWhole(Type.Record(Type.String(), Type.String())),
        }),
      }),
    );
    const written = JSON.parse(
      serialize({ id: 'a', secret: 's', nested: { kept: 'k', dropped: 'd', map: { x: 'y' } } }),
    ) as Record<string, unknown>;
    expect(written).toEqual({ id: 'a', nested: { kept: 'k', map: { x: 'y' } } });
  });

  it('leaves the published schema as it was: the mark is no key of its JSON', () => {
    expect(JSON.parse(JSON.stringify(CustomFieldsOutput))).toMatchObject({
      type: 'object',
      patternProperties: expect.any(Object),
    });
  });
});
