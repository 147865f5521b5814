export { paymentLinkFields, paymentLinkOperations } from './PaymentLinkDescription';
export { transactionFields, transactionOperations } from './TransactionDescription';
