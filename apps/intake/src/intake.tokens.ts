/** The working-day calendar (法定节假日与调休) used for promised deadlines. */
export const WORKING_DAY_CALENDAR = Symbol('WORKING_DAY_CALENDAR');
