const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are UUIDs (DESIGN §7); anything else cannot name a record. */
export const isUuid = (value: string) => UUID.test(value);
