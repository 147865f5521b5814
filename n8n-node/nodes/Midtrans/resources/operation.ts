import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * One operation of one resource, as its own file exports it: the fields it shows (each scoped to
 * its resource and operation) and what it does for one item: one output item, or several (Reconcile
 * emits one per missed state change, none when nothing changed). The node wraps the result with
 * pairedItem and handles errors and continueOnFail for every operation alike.
 */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** displayOptions that show a field only for one operation of one resource. */
export function showFor(resource: string, operation: string, extra: Record<string, string[]> = {}) {
	return { show: { resource: [resource], operation: [operation], ...extra } };
}
