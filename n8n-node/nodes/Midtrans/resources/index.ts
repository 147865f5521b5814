/** The node's resources; each lists its operations, one file per operation (resources/<resource>/<operation>.ts). */
import type { Operation } from './operation';
import * as notification from './notification';
import * as paymentLink from './paymentLink';
import * as transaction from './transaction';

export { notification, paymentLink, transaction };

const RESOURCES: Record<string, Record<string, Operation>> = {
	paymentLink: paymentLink.operations,
	transaction: transaction.operations,
	notification: notification.operations,
};

/** The operation the item asks for, or undefined for a resource or operation this node does not have. */
export function operationFor(resource: unknown, operation: unknown): Operation | undefined {
	if (typeof resource !== 'string' || typeof operation !== 'string') return undefined;
	const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
	const operations = own(RESOURCES, resource) ? RESOURCES[resource] : undefined;
	return operations && own(operations, operation) ? operations[operation] : undefined;
}
