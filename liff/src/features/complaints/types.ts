// The complaint shapes the pages show, read off the server's routes (hono/client): a server change breaks the build.
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { Api } from '../../lib/api.ts';

export type AgencyOption = InferResponseType<Api['complaints']['agencies']['$get'], 200>['agencies'][number];
export type ComplaintBody = InferRequestType<Api['complaints']['$post']>['json'];
export type FiledReceipt = InferResponseType<Api['complaints']['$post'], 200 | 201>;
export type MyComplaint = InferResponseType<Api['complaints']['mine']['$get'], 200>['complaints'][number];
export type TrackedComplaint = InferResponseType<
  Api['complaints']['track'][':code']['$get'],
  200
>['complaint'];
export type CaseSummary = InferResponseType<Api['cases']['$get'], 200>['complaints'][number];
export type CaseDetail = InferResponseType<Api['cases'][':id']['$get'], 200>;
export type CaseDeadline = CaseSummary['deadlines'][number];
export type CaseActionBody = InferRequestType<Api['cases'][':id']['actions']['$post']>['json'];
export type CaseAction = CaseActionBody['action'];
export type CaseStatsData = InferResponseType<Api['cases']['stats']['$get'], 200>;
export type CaseStats = CaseStatsData['stats'];
