import type pg from 'pg';

export interface RecordIds {
  orgId: string;
  userId: string;
  leadId: string;
  accountId: string;
  contactId: string;
  dealId: string;
  pipelineId: string;
  stageId: string;
  tagId: string;
  taskId: string;
  noteId: string;
  restoreId: string;
}
export interface TableFacts {
  tenant: Set<string>;
  tiny: Set<string>;
}
export interface RouteCheck {
  url: string;
  statements?: number;
  problems: string[];
}
export const WIDE_RANGE_LIST: string;
export function hotRoutes(ids: RecordIds): string[];
export function sampleIds(
  client: pg.Client,
  org: { id: string; userId: string },
): Promise<RecordIds>;
export function tableFacts(client: pg.Client): Promise<TableFacts>;
export function checkRoutes(options: {
  routes: string[];
  inject: (url: string) => Promise<{ statusCode: number; body: string }>;
  explainClient: pg.Client;
  org: { id: string; userId: string };
  facts: TableFacts;
  /** The signed tenant context the statements are explained in. */
  proveContext: (orgId: string, userId: string) => string;
  /** What is wrong with one statement's plan; the plan gate's rules by default. */
  problemsOf?: (plan: unknown) => string[];
}): Promise<RouteCheck[]>;
export function pinningProblems(plan: unknown, facts: TableFacts, orgId: string): string[];
export interface CapturedCall {
  text: string;
  values: unknown[] | undefined;
}
export function captureQueries<T>(
  work: () => Promise<T>,
): Promise<{ result: T; calls: CapturedCall[] }>;
export function classify(call: CapturedCall): 'opening' | 'end' | 'data';
