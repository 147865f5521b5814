/** How Refund, Cancel and Expire word their result: Midtrans's answer as it came, or the refusal made before sending. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ActionOutcome } from '../../../shared/core';

/** The output item: what Midtrans answered, plus what the node checked first. Throws for a refusal. */
export function actionOutput<P>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	outcome: ActionOutcome<P>,
	extra: (plan: P) => IDataObject,
): IDataObject {
	if (!outcome.ok) {
		throw new NodeOperationError(ctx.getNode(), outcome.problem, {
			itemIndex,
			description: 'Nothing was sent to Midtrans.',
		});
	}
	const { answer } = outcome;
	return {
		...answer,
		midtrans_answer: `${answer.status_code} ${answer.status_message ?? ''}`.trim(),
		status_before: outcome.before.transaction_status,
		...extra(outcome.plan),
	};
}
