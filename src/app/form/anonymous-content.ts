/** Words of the reminder shown before an anonymous Duty to Notify report is sent. */
export const anonymousContent = {
  heading: 'What this anonymous report says in your words',
  warning: 'Warning',
  reminder:
    'The person did not agree to be referred. Read these answers again and take out anything that could identify them: names, addresses, phone numbers, email addresses, dates of birth, or where and when you met them.',
  nothingWritten: 'You have not written anything in your own words in this report.',
  change: 'Change',
};
