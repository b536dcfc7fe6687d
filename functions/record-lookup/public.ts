// What other modules may use of the number lookup: nothing yet; the console calls its route.
export {};
