import type { ClientBase } from 'pg';

export function generateSchema(client: ClientBase): Promise<string>;
