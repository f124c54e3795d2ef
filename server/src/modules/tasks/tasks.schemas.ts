import type { TaskPriority, TaskStatus, TaskType } from '../../db/schema.js';
import type { ListDefinition } from '../../lib/list-query.js';

/** The words of a task, shared by its routes' schemas and its repository. */

export const TASK_PRIORITIES = [
  'low',
  'normal',
  'high',
  'urgent',
] as const satisfies TaskPriority[];
export const TASK_TYPES = ['call', 'meeting', 'email', 'todo'] as const satisfies TaskType[];
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const satisfies TaskStatus[];
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
