// Whose birthday it is on an Istanbul calendar date: the month-day keys of the birthday index to read.

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The `MM-DD` keys greeted on `date` (`YYYY-MM-DD`): the day itself, and on 28 February of a year
 * without a 29th also the people born on 29 February, so they are greeted every year, once.
 */
export const birthdaysOn = (date: string): string[] => {
  const monthDay = date.slice(5);
  return monthDay === '02-28' && !isLeapYear(Number(date.slice(0, 4))) ? ['02-28', '02-29'] : [monthDay];
};
