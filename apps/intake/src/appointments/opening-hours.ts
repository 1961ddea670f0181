/** The centre's opening hours (Asia/Shanghai): mornings 9:00–12:00, afternoons 13:30–17:00, in half-hour slots. */
export const SLOTS = [
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
  '11:30',
  '13:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
  '16:00',
  '16:30',
] as const;

/** How many applicants the windows serve per slot. */
export const SLOT_CAPACITY = 4;

/** How far ahead a slot may be booked, in calendar days. */
export const BOOKING_HORIZON_DAYS = 14;

export interface SlotAvailability {
  slot: string;
  remaining: number;
}

/** Remaining places per slot; a slot already started today is not offered. */
export function availability(booked: Map<string, number>, options: { isToday: boolean; nowTime: string }): SlotAvailability[] {
  return SLOTS.filter((slot) => !options.isToday || slot > options.nowTime).map((slot) => ({
    slot,
    remaining: Math.max(0, SLOT_CAPACITY - (booked.get(slot) ?? 0)),
  }));
}
