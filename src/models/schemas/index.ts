/**
 * zod schemas for the models, and parse helpers that validate untrusted rows.
 *
 * @packageDocumentation
 */
export {};
