/**
 * The applicant's calls (no staff sign-in): 办件查询, 好差评 and window appointments (预约办事),
 * through intake's generated client. These routes are public on the server.
 */
import * as sdk from './generated/intake/sdk.gen';
import type { AppointmentView, BookDto, DaySlotsView, ProgressView, RateDto, RatingReceiptView } from './generated/intake/types.gen';

export type { BookDto, RateDto };
export type Progress = ProgressView;
export type RatingReceipt = RatingReceiptView;
export type DaySlots = DaySlotsView;
export type Appointment = AppointmentView;

export async function followApplication(number: string, phoneTail: string): Promise<Progress> {
  return (await sdk.progressControllerProgress({ query: { number, phoneTail } })).data;
}

export async function rateApplication(body: RateDto): Promise<RatingReceipt> {
  return (await sdk.ratingsControllerRate({ body })).data;
}

export async function daySlots(day: string): Promise<DaySlots> {
  return (await sdk.appointmentsControllerSlots({ query: { day } })).data;
}

export async function bookAppointment(body: BookDto): Promise<Appointment> {
  return (await sdk.appointmentsControllerBook({ body })).data;
}

export async function cancelAppointment(number: string, phone: string): Promise<Appointment> {
  return (await sdk.appointmentsControllerCancel({ path: { number }, body: { phone } })).data;
}
