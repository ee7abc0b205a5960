/** An inline button: its label and the callback data Telegram sends back (at most 64 bytes). */
export interface BotButton {
  text: string;
  data: string;
}

/** What the bot answers: Telegram HTML and optional rows of inline buttons. */
export interface BotReply {
  html: string;
  buttons?: BotButton[][];
}

/** The Bot API `reply_markup` of a reply's buttons. */
export function replyMarkupOf(buttons: BotButton[][] | undefined): { inline_keyboard: { text: string; callback_data: string }[][] } | undefined {
  return buttons ? { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } : undefined;
}
