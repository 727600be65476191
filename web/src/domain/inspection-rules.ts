/**
 * The penalty discretion check (行政处罚裁量基准) in the browser, by the server's own pure rules, so
 * the form asks for a reason exactly when the server will.
 */
export { withinStandard, type PenaltyRange, type Severity } from '../../../src/modules/inspections/rules';
