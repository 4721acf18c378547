/** What an "Are you sure?" page asks: its title, what will happen (a paragraph each), the button, and the fields to send again. */
export interface ConfirmQuestion {
  title: string;
  button: string;
  lines: string[];
  fields: [string, string][];
}
