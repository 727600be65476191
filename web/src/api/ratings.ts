import { http } from './http';
import type { Body, Ok } from './contract';

export type IndicatorInfo = Ok<'/api/v1/ratings/indicators'>;
export type RatingStats = Ok<'/api/v1/ratings/stats'>;
export type RatingPage = Ok<'/api/v1/ratings'>;
export type RatingView = RatingPage['items'][number];
export type RectificationPage = Ok<'/api/v1/rating-rectifications'>;
export type RectificationView = RectificationPage['items'][number];
export type AppealPage = Ok<'/api/v1/rating-appeals'>;
export type AppealView = AppealPage['items'][number];
export type Recorded = Ok<'/api/v1/ratings/online', 'post'>;
export type CampaignList = Ok<'/api/v1/appraisals'>;
export type CampaignView = CampaignList['items'][number];
export type OpenCampaignBody = Body<'/api/v1/appraisals'>;
export type IssuedCodes = Ok<'/api/v1/appraisals/{id}/codes', 'post'>;
export type Verdict = 'satisfied' | 'fairly_satisfied' | 'dissatisfied';

const enc = encodeURIComponent;

/** Service ratings (好差评) and democratic appraisal (民主评议). After src/modules/ratings and appraisal. */
export const ratingsApi = {
  indicators: (signal?: AbortSignal) => http.get<IndicatorInfo>('/ratings/indicators', undefined, signal),
  stats: (by: 'department' | 'item' | 'window', signal?: AbortSignal) =>
    http.get<RatingStats>('/ratings/stats', { by }, signal),
  rateOnline: (body: Body<'/api/v1/ratings/online'>) => http.post<Recorded>('/ratings/online', body),
  rateOnSite: (body: Body<'/api/v1/ratings/on-site'>) => http.post<Recorded>('/ratings/on-site', body),
  rateByPhone: (body: Body<'/api/v1/ratings/phone'>) => http.post<Recorded>('/ratings/phone', body),
  ratings: (q: { bad?: boolean }, signal?: AbortSignal) =>
    http.get<RatingPage>('/ratings', { pageSize: 100, ...q }, signal),
  rectifications: (q: { callbackPending?: boolean }, signal?: AbortSignal) =>
    http.get<RectificationPage>('/rating-rectifications', { pageSize: 100, ...q }, signal),
  step: (id: string, step: string, body: Record<string, unknown>) =>
    http.post<RectificationView>(`/rating-rectifications/${enc(id)}/${step}`, body),
  appeals: (signal?: AbortSignal) => http.get<AppealPage>('/rating-appeals', { pageSize: 100 }, signal),
  appeal: (ratingId: string, body: Body<'/api/v1/ratings/{id}/appeal'>) =>
    http.post<AppealView>(`/ratings/${enc(ratingId)}/appeal`, body),
  decide: (id: string, body: Body<'/api/v1/rating-appeals/{id}/decision'>) =>
    http.post<AppealView>(`/rating-appeals/${enc(id)}/decision`, body),
  campaigns: (signal?: AbortSignal) => http.get<CampaignList>('/appraisals', undefined, signal),
  campaign: (id: string, signal?: AbortSignal) =>
    http.get<CampaignView>(`/appraisals/${enc(id)}`, undefined, signal),
  openCampaign: (body: OpenCampaignBody) => http.post<CampaignView>('/appraisals', body),
  issueCodes: (id: string, body: Body<'/api/v1/appraisals/{id}/codes'>) =>
    http.post<IssuedCodes>(`/appraisals/${enc(id)}/codes`, body),
  vote: (id: string, body: { code: string; scores: Record<string, Record<string, Verdict>> }) =>
    http.post<{ accepted: boolean }>(`/appraisals/${enc(id)}/ballots`, body),
  publish: (id: string, version: number) =>
    http.post<CampaignView>(`/appraisals/${enc(id)}/publish`, { version }),
  reportRectification: (id: string, version: number, report: string) =>
    http.post<{ accepted: boolean }>(`/appraisal-rectifications/${enc(id)}/report`, { version, report }),
};
