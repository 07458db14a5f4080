// The shapes the pages show, read off the server's routes (hono/client), so a server change breaks the build.
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { Api } from './api.ts';

export type ProvinceData = InferResponseType<Api['province']['$get'], 200>;
export type ProvinceRow = ProvinceData['agencies'][number];
export type ScorecardData = InferResponseType<Api['agencies'][':id']['scorecard']['$get'], 200>;
export type PlanData = InferResponseType<Api['plan']['$get'], 200>;
export type PlanActivity = PlanData['activities'][number];
export type SurveysData = InferResponseType<Api['surveys']['$get'], 200>;
export type SurveyAgencyData = SurveysData['agencies'][number];
export type ImportBody = InferRequestType<Api['agencies']['import']['$post']>['json'];
export type ImportOk = InferResponseType<Api['agencies']['import']['$post'], 200>;
export type ImportLineError = ImportOk['errors'][number];
export type BroadcastPreview = InferResponseType<Api['broadcasts']['preview']['$post'], 200>;
export type BroadcastFilter = InferRequestType<Api['broadcasts']['preview']['$post']>['json']['filter'];
