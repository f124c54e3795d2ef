import { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from '../../db/schema.js';
import type { ListDefinition } from '../../lib/list-query.js';

/** The words of a task, shared by its routes' schemas and its repository. */

export { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES };
export const TASK_VIEWS = ['today', 'overdue', 'upcoming'] as const;

export const taskList: ListDefinition = {
  table: 'tasks',
  alias: 't',
  sorts: {
    due_at: { column: 'due_at', nullable: true },
    created_at: { column: 'created_at' },
    priority: { column: 'priority', ranking: TASK_PRIORITIES },
  },
  defaultSort: 'due_at',
};
