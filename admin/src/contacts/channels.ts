/** A contact's channels on one line: the primary of each type, in the order given ("+79123456789, ivan@romashka.ru"). */
export const channelsText = (channels: { value: string; primary: boolean }[] | null | undefined): string =>
  (channels ?? [])
    .filter((c) => c.primary)
    .map((c) => c.value)
    .join(', ');
