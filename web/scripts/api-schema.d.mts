export declare const DOCUMENT_PATH: string;
export declare const TYPES_PATH: string;
export declare function openApiDocument(
  buildApp: (deps: never, options: { logger: false }) => Promise<unknown>,
  loadConfig: (env: Record<string, string>) => unknown,
): Promise<Record<string, unknown>>;
export declare function generatedFiles(document: unknown): Promise<Record<string, string>>;
