/* currency.h: ISO 4217 codes in circulation. */
#ifndef OZ_CURRENCY_H
#define OZ_CURRENCY_H

/* 1 if code is an active ISO 4217 alphabetic code ("USD", "BRL", "EUR"…). */
int	currency_valid(const char *code);
/* Minor-unit digits of code (2 for most, 0 for JPY, 3 for KWD); -1 if unknown. */
int	currency_minor_units(const char *code);

#endif
