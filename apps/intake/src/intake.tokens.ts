/** The working-day calendar (法定节假日与调休) used for promised deadlines, from the platform lib. */
export { WORKING_DAY_CALENDAR } from '@onewindow/platform';
