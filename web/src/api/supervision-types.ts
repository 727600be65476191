// What the supervision pages read, taken from the server's OpenAPI document (contract.ts).
import type { Ok } from './contract';

export type Board = Ok<'/api/v1/supervision/board'>;
export type BoardRow = Board['departments'][number];
export type ClockView = Ok<'/api/v1/clocks/{id}'>;
export type Colour = ClockView['colour'];
export type Signal = Ok<'/api/v1/supervision/signals'>['items'][number];
export type Order = Ok<'/api/v1/supervision/orders'>['items'][number];
