// The API's shapes this UI reads, taken from the server's OpenAPI document (see contract.ts).
import type { Ok } from './contract';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Summary = Ok<'/api/v1/catalogue/summary'>;
export type Department = Ok<'/api/v1/departments/{id}'>;
export type ItemSummary = Ok<'/api/v1/items'>['items'][number];
export type DepartmentRef = NonNullable<ItemSummary['department']>;
export type SearchResult = Ok<'/api/v1/search'>;
export type SearchHit = SearchResult['items'][number];
export type ItemDetail = Ok<'/api/v1/items/{id}'>;
export type Material = ItemDetail['materials'][number];
export type LegalBasis = ItemDetail['legalBasis'][number];
export type SpecialProcedure = ItemDetail['specialProcedures'][number];
export type ItemFeeLine = ItemDetail['fees'][number];
export type Fee = Ok<'/api/v1/fees'>['items'][number];
export type FeeRule = Fee['rule'];
export type Deadline = Ok<'/api/v1/calendar/deadline'>;
export type Explanation = Deadline['explanation'][number];
export type CalendarYear = Ok<'/api/v1/calendar/{year}'>;
export type SpecialDay = CalendarYear['days'][number];
export type User = Ok<'/api/v1/auth/me'>;
export type Session = Ok<'/api/v1/auth/login', 'post'>;

export type ItemType = ItemSummary['type'];
export type HandlingClass = ItemSummary['handlingClass'];
export type Channel = ItemSummary['channels'][number];
export type MaterialForm = Material['form'];
export type MaterialSource = Material['source'];
export type LegalKind = LegalBasis['kind'];
export type FeeCategory = Fee['category'];
export type PaymentPoint = ItemDetail['paymentPoint'];
export type Level = ItemDetail['level'];
export type Role = User['role'];
