import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';

/**
 * Route schemas are checked by two Ajv instances. Query strings, path parameters and headers
 * arrive as text, so there `coerceTypes` turns `?limit=10` into 10 and a lone `?id=x` into
 * `['x']`. A JSON body already carries its types: it must match the published schema as sent,
 * or `["x"]` would be stored as `"x"`, `12345` as `"12345"` and `"true"` as `true`.
 */
type CompilerOptions = NonNullable<Parameters<ValidatorFactory>[1]>;

export function perPartValidators(): ValidatorFactory {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const withCoercion = (coerceTypes: false | 'array') =>
      pool(externalSchemas, {
        ...options,
        customOptions: { ...options?.customOptions, coerceTypes },
      } as CompilerOptions);
    const exact = withCoercion(false);
    const coercing = withCoercion('array');
    return (route) => (route.httpPart === 'body' ? exact : coercing)(route);
  };
}
